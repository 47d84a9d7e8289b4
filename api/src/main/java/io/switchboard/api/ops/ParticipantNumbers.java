package io.switchboard.api.ops;

import io.switchboard.ops.NumberFingerprint;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Turns a number an operator typed into the fingerprint workflows publish as {@code
 * ParticipantNumber}. Spaces, dashes, dots and brackets are dropped (as a number is often copied);
 * what is left must be E.164. Errors never repeat the number, so that they can be logged.
 */
@Component
class ParticipantNumbers {

  private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
  private static final Pattern SEPARATORS = Pattern.compile("[\\s().\\-]");

  private final NumberFingerprint fingerprint;

  ParticipantNumbers(NumberFingerprint fingerprint) {
    this.fingerprint = fingerprint;
  }

  /** The fingerprint of a number in E.164 form, or a 400 that says what form is wanted. */
  String fingerprint(String typed) {
    String number = typed == null ? "" : SEPARATORS.matcher(typed).replaceAll("");
    if (number.startsWith("whatsapp:")) {
      number = number.substring("whatsapp:".length());
    }
    if (!E164.matcher(number).matches()) {
      throw new IllegalArgumentException(
          "number must be in E.164 form: '+', country code and number, e.g. +14155550100"
              + " (write '+' as %2B in a URL).");
    }
    return fingerprint.of(number);
  }
}

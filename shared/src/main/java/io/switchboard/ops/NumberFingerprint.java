package io.switchboard.ops;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A keyed fingerprint of a phone number: what the {@code ParticipantNumber} search attribute holds,
 * since search attributes are stored in plain text in Temporal's visibility store. It is
 * HMAC-SHA256 of the bare number under a secret key, so that whoever reads visibility cannot try
 * every number (the space of phone numbers is small enough to enumerate without the key), while
 * anyone with the key finds a number's workflows.
 *
 * <p>The output is the first 16 bytes of the MAC in lowercase hex (32 characters). Truncation is
 * fine here: 128 bits leave a chance of two numbers sharing a fingerprint far below one in 10^18
 * even for every possible E.164 number (fewer than 2^50), and guessing a number from its
 * fingerprint still needs the key, whatever the length.
 *
 * <p>The number is taken bare: Twilio's channel prefixes ({@code whatsapp:}, {@code client:}) are
 * dropped, so a person's SMS, WhatsApp messages and calls share one fingerprint.
 */
public final class NumberFingerprint {

  private static final String ALGORITHM = "HmacSHA256";
  private static final int BYTES = 16;

  private final SecretKeySpec key;

  private NumberFingerprint(byte[] key) {
    this.key = new SecretKeySpec(key, ALGORITHM);
  }

  /**
   * A fingerprint under a key given in base64, at least 16 random bytes (32 recommended).
   *
   * @throws IllegalArgumentException when the key is not base64 or too short
   */
  public static NumberFingerprint withBase64Key(String base64Key) {
    byte[] key;
    try {
      key = Base64.getDecoder().decode(base64Key.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the number fingerprint key must be base64");
    }
    if (key.length < BYTES) {
      throw new IllegalArgumentException(
          "the number fingerprint key must be at least 16 bytes (openssl rand -base64 32)");
    }
    NumberFingerprint fingerprint = new NumberFingerprint(key);
    Arrays.fill(key, (byte) 0);
    return fingerprint;
  }

  /** The fingerprint of a number or address, or null for null or blank. */
  public String of(String numberOrAddress) {
    String number = bare(numberOrAddress);
    if (number == null || number.isEmpty()) {
      return null;
    }
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      byte[] digest = mac.doFinal(number.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  /** The number without a channel prefix ({@code whatsapp:+1…} is {@code +1…}). */
  static String bare(String numberOrAddress) {
    if (numberOrAddress == null) {
      return null;
    }
    int colon = numberOrAddress.indexOf(':');
    return (colon < 0 ? numberOrAddress : numberOrAddress.substring(colon + 1)).strip();
  }
}

package io.switchboard.api.security;

import java.util.Map;
import java.util.Set;

/**
 * The lengths Twilio's own values never exceed, for the parameters we keep in columns of a fixed
 * width. A signed webhook beyond them is not from Twilio as it works (a leaked token, or a bug in
 * whatever signed it): accepted, it would start a workflow whose records can never be written, and
 * the activity would retry for ever. It is turned away with a 400 before anything is stored.
 */
final class WebhookParameterLimits {

  /** Twilio's SIDs are 34 characters (two letters, 32 hex digits); the columns hold 64. */
  static final int SID = 64;

  /**
   * A party: an E.164 number, a short code, {@code client:} or {@code whatsapp:} addresses, or a
   * SIP URI, the longest of them, which the columns hold since V22.
   */
  static final int ADDRESS = 256;

  /** Statuses and directions are single words ("in-progress", "outbound-api"). */
  static final int STATUS = 32;

  private static final Set<String> ADDRESSES =
      Set.of("From", "To", "Caller", "Called", "ForwardedFrom");

  private static final Set<String> STATUSES =
      Set.of(
          "CallStatus",
          "MessageStatus",
          "SmsStatus",
          "DialCallStatus",
          "RecordingStatus",
          "TranscriptionStatus",
          "Direction");

  private WebhookParameterLimits() {}

  /** The first parameter longer than Twilio sends, or null when all are within bounds. */
  static String firstTooLong(Map<String, String> parameters) {
    for (Map.Entry<String, String> parameter : parameters.entrySet()) {
      String value = parameter.getValue();
      if (value != null && value.length() > limit(parameter.getKey())) {
        return parameter.getKey();
      }
    }
    return null;
  }

  static int limit(String name) {
    if (ADDRESSES.contains(name)) {
      return ADDRESS;
    }
    if (STATUSES.contains(name)) {
      return STATUS;
    }
    if (name.endsWith("Sid")) {
      return SID;
    }
    return Integer.MAX_VALUE;
  }
}

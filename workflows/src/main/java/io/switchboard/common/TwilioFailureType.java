package io.switchboard.common;

import java.util.Set;

/**
 * How a failed Twilio request is retried, used as the {@code ApplicationFailure} type. It lives in
 * the workflows module because the workflows' retry policies name these types; the workers raise
 * them (see {@code io.switchboard.twilio.TwilioFailures}). Every feature that calls Twilio shares
 * it.
 */
public enum TwilioFailureType {
  /** Twilio refused the request for good (invalid or unreachable number, unsubscribed, …). */
  TWILIO_REJECTED,
  /** Twilio asks us to slow down (20429, 21611 queue full, 30001 queue overflow). */
  TWILIO_THROTTLED,
  /** Twilio or the network failed (5xx, connection errors, timeouts): try again later. */
  TWILIO_UNAVAILABLE;

  /** Codes that never succeed on retry, named in the issue and Twilio's docs. */
  private static final Set<Integer> REJECTED = Set.of(21211, 21408, 21610, 21612, 21614, 63016);

  private static final Set<Integer> THROTTLED = Set.of(20429, 21611, 30001);

  /**
   * Classifies a Twilio error by its code and HTTP status. Codes listed above decide; otherwise a
   * 5xx or no HTTP status at all (the network) is worth retrying and any other 4xx is not.
   */
  public static TwilioFailureType classify(Integer code, Integer httpStatus) {
    if (code != null && REJECTED.contains(code)) {
      return TWILIO_REJECTED;
    }
    if ((code != null && THROTTLED.contains(code)) || (httpStatus != null && httpStatus == 429)) {
      return TWILIO_THROTTLED;
    }
    if (httpStatus == null || httpStatus >= 500) {
      return TWILIO_UNAVAILABLE;
    }
    return TWILIO_REJECTED;
  }
}

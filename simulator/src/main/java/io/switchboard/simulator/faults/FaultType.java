package io.switchboard.simulator.faults;

/** What can go wrong, on purpose. */
public enum FaultType {
  /** Every REST request waits {@code delayMillis} before it is handled. */
  LATENCY,
  /** REST requests are refused with 429 and Twilio's code 20429. */
  RATE_LIMIT,
  /** REST requests fail with {@code httpStatus} 500 (code 20500) or 503 (code 20503). */
  SERVER_ERROR,
  /** The request succeeds (the resource exists) but the answer comes {@code delayMillis} late. */
  TIMEOUT_AFTER_SUCCESS,
  /** Each callback is sent twice, with the same idempotency token, as a Twilio retry would be. */
  DUPLICATE_CALLBACKS,
  /** A resource's callbacks are held back until its last one, then sent newest first. */
  OUT_OF_ORDER_CALLBACKS,
  /** Callbacks are not sent (only those with {@code status}, when it is given). */
  MISSING_CALLBACKS,
  /**
   * Messages end {@code undelivered} or {@code failed} (the {@code status}) with {@code errorCode}.
   */
  DELIVERY_FAILURE,
  /**
   * Calls end {@code busy}, {@code no-answer} or {@code failed} (the {@code status}), or are
   * answered by {@code answeredBy} when machine detection is on; {@code delayMillis} makes the call
   * ring that much longer.
   */
  CALL_OUTCOME,
  /**
   * An answered call stays in progress for {@code delayMillis} before its TwiML runs, as a person
   * who talks for a while would keep it: live-call control (redirects, hang-ups, recordings) has a
   * call to act on. A redirect or hang-up during the hold supersedes the held TwiML.
   */
  CALL_HOLD,
  /**
   * The party that an answered call's {@code <Dial>} rings ends {@code busy}, {@code no-answer} or
   * {@code failed} (the {@code status}) instead of picking up: an agent who misses the call a
   * queued callback connects the caller to. {@code number} is the call's own To or From.
   */
  DIAL_OUTCOME
}

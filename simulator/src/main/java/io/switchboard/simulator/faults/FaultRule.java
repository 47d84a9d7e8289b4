package io.switchboard.simulator.faults;

/**
 * One fault in force.
 *
 * @param id to remove it by
 * @param type what goes wrong
 * @param number the phone number (To or From) it is limited to; null for every request
 * @param delayMillis for LATENCY and TIMEOUT_AFTER_SUCCESS
 * @param httpStatus for SERVER_ERROR: 500 or 503
 * @param status for DELIVERY_FAILURE and CALL_OUTCOME the outcome; for callback faults the only
 *     callback status affected, else null for all
 * @param errorCode for DELIVERY_FAILURE
 * @param answeredBy for CALL_OUTCOME: the AnsweredBy reported when machine detection is asked for
 * @param remaining how many more times it strikes; null for ever
 */
public record FaultRule(
    String id,
    FaultType type,
    String number,
    Long delayMillis,
    Integer httpStatus,
    String status,
    Integer errorCode,
    String answeredBy,
    Integer remaining) {

  boolean matches(FaultType wanted, java.util.Collection<String> numbers) {
    return type == wanted && (number == null || numbers.contains(number));
  }

  FaultRule struck() {
    return new FaultRule(
        id,
        type,
        number,
        delayMillis,
        httpStatus,
        status,
        errorCode,
        answeredBy,
        remaining == null ? null : remaining - 1);
  }

  boolean exhausted() {
    return remaining != null && remaining <= 0;
  }
}

package io.switchboard.voice;

/**
 * A call status callback from Twilio.
 *
 * @param callSid the call
 * @param status Twilio's CallStatus, for example {@code completed}
 * @param durationSeconds CallDuration when Twilio sends it, else null
 * @param sequenceNumber Twilio's SequenceNumber, used to ignore out-of-order callbacks
 * @param answeredBy Twilio's AnsweredBy when machine detection was asked for, else null (added for
 *     outbound calls; absent in older payloads, which read as null)
 */
public record CallStatusEvent(
    String callSid,
    String status,
    Integer durationSeconds,
    Integer sequenceNumber,
    String answeredBy) {

  public CallStatusEvent(
      String callSid, String status, Integer durationSeconds, Integer sequenceNumber) {
    this(callSid, status, durationSeconds, sequenceNumber, null);
  }
}

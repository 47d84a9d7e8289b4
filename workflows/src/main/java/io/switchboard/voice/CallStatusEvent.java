package io.switchboard.voice;

/**
 * A call status callback from Twilio.
 *
 * @param callSid the call
 * @param status Twilio's CallStatus, for example {@code completed}
 * @param durationSeconds CallDuration when Twilio sends it, else null
 * @param sequenceNumber Twilio's SequenceNumber, used to ignore out-of-order callbacks
 */
public record CallStatusEvent(
    String callSid, String status, Integer durationSeconds, Integer sequenceNumber) {

  /** Whether this status ends the call, as Twilio documents its final call statuses. */
  public boolean isFinal() {
    return switch (status) {
      case "completed", "busy", "no-answer", "failed", "canceled" -> true;
      default -> false;
    };
  }
}

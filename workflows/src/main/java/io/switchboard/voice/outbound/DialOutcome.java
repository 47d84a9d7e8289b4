package io.switchboard.voice.outbound;

/**
 * How the Dial in an outbound call's {@code answer} ended, as Twilio reported it to the Dial's
 * action.
 *
 * @param callSid the outbound call's CallSid
 * @param status Twilio's DialCallStatus: {@code completed}, {@code answered}, {@code busy}, {@code
 *     no-answer}, {@code failed} or {@code canceled}
 */
public record DialOutcome(String callSid, String status) {

  /** Whether the dialled party picked up. */
  public static boolean reached(String dialStatus) {
    return "completed".equals(dialStatus) || "answered".equals(dialStatus);
  }
}

package io.switchboard.voice;

import io.switchboard.voice.flow.Flow;

/**
 * What the first voice webhook of a call tells us about it.
 *
 * @param callSid Twilio's CallSid
 * @param accountSid the Twilio account the call belongs to
 * @param from the caller's number (personal data: never logged)
 * @param to our number that was called
 * @param direction Twilio's direction, for example {@code inbound}
 * @param startedAtMillis when the first webhook reached us, epoch milliseconds
 * @param flow the flow the call runs, pinned at its start (a later publish never changes it), or
 *     null for the built-in greeting
 */
public record CallSessionInput(
    String callSid,
    String accountSid,
    String from,
    String to,
    String direction,
    long startedAtMillis,
    Flow flow) {

  public CallSessionInput(
      String callSid,
      String accountSid,
      String from,
      String to,
      String direction,
      long startedAtMillis) {
    this(callSid, accountSid, from, to, direction, startedAtMillis, null);
  }
}

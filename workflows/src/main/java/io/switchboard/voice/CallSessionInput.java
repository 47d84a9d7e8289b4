package io.switchboard.voice;

/**
 * What the first voice webhook of a call tells us about it.
 *
 * @param callSid Twilio's CallSid
 * @param accountSid the Twilio account the call belongs to
 * @param from the caller's number (personal data: never logged)
 * @param to our number that was called
 * @param direction Twilio's direction, for example {@code inbound}
 * @param startedAtMillis when the first webhook reached us, epoch milliseconds
 */
public record CallSessionInput(
    String callSid,
    String accountSid,
    String from,
    String to,
    String direction,
    long startedAtMillis) {}

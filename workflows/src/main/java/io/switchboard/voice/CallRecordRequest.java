package io.switchboard.voice;

/**
 * Asks the database activity to record a call or a change to it.
 *
 * @param callSid the call
 * @param accountSid its Twilio account
 * @param from the caller (personal data)
 * @param to our number
 * @param direction Twilio's direction
 * @param status the status to record
 * @param occurredAtMillis when it happened, epoch milliseconds, from workflow time
 */
public record CallRecordRequest(
    String callSid,
    String accountSid,
    String from,
    String to,
    String direction,
    String status,
    long occurredAtMillis) {}

package io.switchboard.voice;

/**
 * One event of a call for its recorded history.
 *
 * @param callSid the call
 * @param event what happened, for example {@code transferred-to-flow}
 * @param detail what it concerned, for example {@code flow support version 3}; never personal data
 * @param occurredAtMillis when, epoch milliseconds, from workflow time
 */
public record CallEventRequest(
    String callSid, String event, String detail, long occurredAtMillis) {}

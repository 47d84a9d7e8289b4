package io.switchboard.voice;

/**
 * Asks the database activity to add an event to a call's history without changing its status, for
 * what happens beside Twilio's statuses (a transfer into a flow; a queued callback asked for,
 * placed, answered).
 *
 * @param callSid the call
 * @param event what happened, for example {@code callback-requested}
 * @param detail more about it (a node, an agent, an outbound call), never a phone number, or null
 * @param occurredAtMillis when it happened, epoch milliseconds, from workflow time
 */
public record CallEventRequest(
    String callSid, String event, String detail, long occurredAtMillis) {}

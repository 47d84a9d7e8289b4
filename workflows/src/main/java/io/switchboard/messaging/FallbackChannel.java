package io.switchboard.messaging;

/**
 * Where to resend a message that was not delivered, such as SMS for WhatsApp.
 *
 * @param channel the channel to resend on, {@code sms}
 * @param from our sender on that channel
 * @param deadlineMillis after this instant, epoch milliseconds, a late resend would be worse than
 *     none, so there is no fallback
 */
public record FallbackChannel(String channel, String from, long deadlineMillis) {}

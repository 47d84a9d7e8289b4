package io.switchboard.messaging;

/**
 * What a delivery workflow knows, answered by {@code getState} and returned when it ends.
 *
 * @param id the idempotency key
 * @param messageSid Twilio's MessageSid once created, else null
 * @param status the furthest status reached
 * @param errorCode Twilio's error code (or 21610 for a recipient who opted out), else null
 * @param errorMessage a readable reason for a failure, else null
 */
public record MessageState(
    String id, String messageSid, String status, Integer errorCode, String errorMessage) {}

package io.switchboard.simulator.voice;

import java.util.List;

/**
 * How a call went, step by step.
 *
 * @param callSid the call
 * @param entries every step in order
 * @param endStatus the call's final status: {@code completed}, or {@code failed} when the TwiML
 *     could not be fetched or was invalid and no fallback saved it
 * @param durationSeconds simulated duration of the answered call
 * @param errorCode Twilio's error code when the call failed (for example 12100, 11200), else null
 */
public record CallTranscript(
    String callSid,
    List<TranscriptEntry> entries,
    String endStatus,
    int durationSeconds,
    Integer errorCode) {}

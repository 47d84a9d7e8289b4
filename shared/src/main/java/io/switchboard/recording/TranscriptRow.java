package io.switchboard.recording;

import java.time.Instant;

/**
 * A transcript of a recording.
 *
 * @param source {@code twilio} or {@code fallback}
 * @param transcriptionSid Twilio's, when it came from Twilio
 * @param text the transcript
 * @param createdAt when it was stored
 */
public record TranscriptRow(
    String source, String transcriptionSid, String text, Instant createdAt) {}

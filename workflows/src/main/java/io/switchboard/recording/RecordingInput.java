package io.switchboard.recording;

/**
 * What starts a recording's pipeline: references only, never media.
 *
 * @param recordingSid Twilio's RecordingSid
 * @param callSid the call that was recorded
 * @param retentionSeconds how long Twilio keeps its copy after ours is stored
 * @param transcriptionTimeoutSeconds how long to wait for Twilio's transcription callback before
 *     the fallback
 */
public record RecordingInput(
    String recordingSid, String callSid, long retentionSeconds, long transcriptionTimeoutSeconds) {}

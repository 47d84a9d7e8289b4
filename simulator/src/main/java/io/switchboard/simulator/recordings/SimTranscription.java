package io.switchboard.simulator.recordings;

import java.time.Instant;

/** A completed transcription of a recording. */
record SimTranscription(
    String sid, String recordingSid, String callSid, String text, int duration, Instant created) {}

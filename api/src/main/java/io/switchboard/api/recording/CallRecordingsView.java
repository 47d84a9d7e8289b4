package io.switchboard.api.recording;

import java.util.List;

/**
 * The recordings of one call.
 *
 * @param callSid the call
 * @param recordings its recordings, oldest first
 */
public record CallRecordingsView(String callSid, List<RecordingView> recordings) {}

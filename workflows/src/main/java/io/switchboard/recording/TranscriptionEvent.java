package io.switchboard.recording;

import java.util.Map;

/**
 * A transcription callback, reduced to references: the text itself is fetched from Twilio by an
 * activity, so that it never enters a workflow history.
 *
 * @param recordingSid the recording transcribed
 * @param transcriptionSid Twilio's TranscriptionSid
 * @param status {@code completed} or {@code failed}
 */
public record TranscriptionEvent(String recordingSid, String transcriptionSid, String status) {

  public static TranscriptionEvent fromCallback(Map<String, String> params) {
    String sid = params.get("RecordingSid");
    if (sid == null || sid.isBlank()) {
      throw new IllegalArgumentException("a transcription callback without RecordingSid");
    }
    return new TranscriptionEvent(
        sid, params.get("TranscriptionSid"), params.getOrDefault("TranscriptionStatus", "failed"));
  }

  public boolean completed() {
    return "completed".equals(status) && transcriptionSid != null;
  }
}

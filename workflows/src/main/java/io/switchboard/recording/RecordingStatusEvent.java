package io.switchboard.recording;

import java.util.Map;

/**
 * A RecordingStatusCallback, as the workflow needs it.
 *
 * @param recordingSid the recording
 * @param callSid the call
 * @param status {@code in-progress}, {@code completed}, {@code absent} or {@code failed}
 * @param mediaUrl Twilio's RecordingUrl (without extension); a reference, not the media
 * @param durationSeconds the recording's length, if known
 */
public record RecordingStatusEvent(
    String recordingSid, String callSid, String status, String mediaUrl, Integer durationSeconds) {

  public static RecordingStatusEvent fromCallback(Map<String, String> params) {
    String sid = params.get("RecordingSid");
    if (sid == null || sid.isBlank()) {
      throw new IllegalArgumentException("a recording callback without RecordingSid");
    }
    return new RecordingStatusEvent(
        sid,
        params.get("CallSid"),
        params.getOrDefault("RecordingStatus", "completed"),
        params.get("RecordingUrl"),
        integer(params.get("RecordingDuration")));
  }

  public boolean completed() {
    return "completed".equals(status);
  }

  /** Twilio gives up on a recording with these: there is nothing to download. */
  public boolean failed() {
    return "absent".equals(status) || "failed".equals(status);
  }

  private static Integer integer(String value) {
    try {
      return value == null ? null : Integer.valueOf(value.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}

package io.switchboard.recording;

/**
 * Workflow ids for recordings: {@code recording:{RecordingSid}}, so that ops find the pipeline in
 * the Temporal UI from the SID they see in the Twilio console, and a redelivered recording callback
 * finds the pipeline already under way.
 */
public final class RecordingWorkflowIds {
  private static final String PREFIX = "recording:";

  private RecordingWorkflowIds() {}

  public static String recording(String recordingSid) {
    if (recordingSid == null || !recordingSid.matches("RE[0-9a-zA-Z]{32}")) {
      throw new IllegalArgumentException("not a RecordingSid");
    }
    return PREFIX + recordingSid;
  }
}

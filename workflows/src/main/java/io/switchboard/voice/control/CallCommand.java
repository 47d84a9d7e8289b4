package io.switchboard.voice.control;

/**
 * One action on a call in progress.
 *
 * @param callSid the call
 * @param action what to do
 * @param target for TRANSFER_NUMBER the number (E.164), for TRANSFER_QUEUE the queue's name; for
 *     RECORDING_PAUSE, RECORDING_RESUME and RECORDING_STOP the RecordingSid; else null
 */
public record CallCommand(String callSid, Action action, String target) {

  /** What can be done to a live call. */
  public enum Action {
    TRANSFER_NUMBER,
    TRANSFER_QUEUE,
    HANG_UP,
    RECORDING_START,
    RECORDING_PAUSE,
    RECORDING_RESUME,
    RECORDING_STOP
  }
}

package io.switchboard.voice.control;

/**
 * One action on a call in progress.
 *
 * @param callSid the call
 * @param action what to do
 * @param target for TRANSFER_NUMBER the number (E.164), for TRANSFER_QUEUE the queue's name, for
 *     TRANSFER_FLOW the flow's name; for RECORDING_PAUSE, RECORDING_RESUME and RECORDING_STOP the
 *     RecordingSid; else null
 * @param flowVersion for TRANSFER_FLOW the flow's version the call is pinned to, else null
 */
public record CallCommand(String callSid, Action action, String target, Integer flowVersion) {

  public CallCommand(String callSid, Action action, String target) {
    this(callSid, action, target, null);
  }

  /** What can be done to a live call. */
  public enum Action {
    TRANSFER_NUMBER,
    TRANSFER_QUEUE,
    /** Redirects the call into our voice webhook, where a call session runs the flow. */
    TRANSFER_FLOW,
    HANG_UP,
    RECORDING_START,
    RECORDING_PAUSE,
    RECORDING_RESUME,
    RECORDING_STOP
  }
}

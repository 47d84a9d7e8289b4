package io.switchboard.recording;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One recording from Twilio's callback to our encrypted copy, its transcript and the deletion of
 * Twilio's copy. Workflow id {@code recording:{RecordingSid}} ({@link RecordingWorkflowIds}), task
 * queue {@code recording}. The ingress signal-with-starts it on each recording and transcription
 * callback, whichever comes first; both signals are idempotent.
 */
@WorkflowInterface
public interface RecordingPipelineWorkflow {

  @WorkflowMethod
  RecordingOutcome process(RecordingInput input);

  @SignalMethod
  void recordingStatusChanged(RecordingStatusEvent event);

  @SignalMethod
  void transcriptionCompleted(TranscriptionEvent event);

  /**
   * The recording was erased on request (the right to erasure): Twilio's copy is deleted now rather
   * than after the retention delay.
   */
  @SignalMethod
  void erasureRequested();

  @QueryMethod
  RecordingOutcome getState();
}

package io.switchboard.api.inbox;

import io.switchboard.common.SwitchboardSearchAttributes;
import io.switchboard.config.SwitchboardProperties;
import io.switchboard.recording.RecordingInput;
import io.switchboard.recording.RecordingPipelineWorkflow;
import io.switchboard.recording.RecordingProperties;
import io.switchboard.recording.RecordingStatusEvent;
import io.switchboard.recording.TranscriptionEvent;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.BatchRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.SearchAttributes;
import org.springframework.stereotype.Component;

/**
 * Recording and transcription callbacks to the recording's pipeline, both as signal-with-start on
 * {@code recording:{RecordingSid}}: whichever comes first starts it, the other joins it. Both are
 * needed because the relay may forward a transcription callback before the recording callback it
 * follows; the pipeline waits for the completed recording either way. A pipeline that has finished
 * is never started again (its Twilio copy may be gone): a late redelivery changes nothing.
 */
@Component
public class RecordingDispatch {

  private final WorkflowClient client;
  private final SwitchboardProperties properties;
  private final RecordingProperties recordings;

  public RecordingDispatch(
      WorkflowClient client, SwitchboardProperties properties, RecordingProperties recordings) {
    this.client = client;
    this.properties = properties;
    this.recordings = recordings;
  }

  DispatchState dispatch(InboxEvent event) {
    try {
      RecordingInput input = input(event);
      RecordingPipelineWorkflow pipeline = pipeline(event.workflowId(), input);
      BatchRequest request = client.newSignalWithStartRequest();
      request.add(pipeline::process, input);
      if (event.kind() == WebhookKind.RECORDING) {
        request.add(
            pipeline::recordingStatusChanged, RecordingStatusEvent.fromCallback(event.params()));
      } else {
        request.add(
            pipeline::transcriptionCompleted, TranscriptionEvent.fromCallback(event.params()));
      }
      client.signalWithStart(request);
      return DispatchState.DISPATCHED;
    } catch (WorkflowExecutionAlreadyStarted e) {
      return DispatchState.DISPATCHED; // Finished already: this is a late duplicate.
    } catch (IllegalArgumentException e) {
      return DispatchState.FAILED; // A callback we cannot read will not read better later.
    }
  }

  private RecordingInput input(InboxEvent event) {
    String recordingSid = event.param("RecordingSid");
    if (recordingSid == null) {
      throw new IllegalArgumentException("a recording callback without RecordingSid");
    }
    return new RecordingInput(
        recordingSid,
        event.param("CallSid"),
        recordings.retention().toSeconds(),
        recordings.transcriptionTimeout().toSeconds());
  }

  /**
   * The pipeline's stub. Its search attributes are set at start, from the callback, so that ops
   * find it by the RecordingSid or the CallSid without the workflow upserting anything.
   */
  private RecordingPipelineWorkflow pipeline(String workflowId, RecordingInput input) {
    SearchAttributes.Builder attributes =
        SearchAttributes.newBuilder()
            .set(SwitchboardSearchAttributes.RECORDING_SID, input.recordingSid())
            .set(SwitchboardSearchAttributes.CHANNEL, "voice");
    if (input.callSid() != null) {
      attributes.set(SwitchboardSearchAttributes.CALL_SID, input.callSid());
    }
    WorkflowOptions options =
        WorkflowOptions.newBuilder()
            .setWorkflowId(workflowId)
            .setTaskQueue(properties.taskQueues().recording())
            .setWorkflowIdReusePolicy(
                WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
            .setTypedSearchAttributes(attributes.build())
            .build();
    return client.newWorkflowStub(RecordingPipelineWorkflow.class, options);
  }
}

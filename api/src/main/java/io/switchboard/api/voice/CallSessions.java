package io.switchboard.api.voice;

import io.switchboard.config.SwitchboardProperties;
import io.switchboard.voice.CallSessionInput;
import io.switchboard.voice.CallSessionWorkflow;
import io.switchboard.voice.CallState;
import io.switchboard.voice.CallWorkflowIds;
import io.switchboard.voice.VoiceInstruction;
import io.switchboard.voice.VoiceTurn;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.client.UpdateOptions;
import io.temporal.client.WithStartWorkflowOperation;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowUpdateStage;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The api's view of call session workflows: start-or-update, and read state. */
@Component
public class CallSessions {

  private final WorkflowClient client;
  private final String taskQueue;

  public CallSessions(WorkflowClient client, SwitchboardProperties properties) {
    this.client = client;
    this.taskQueue = properties.taskQueues().voice();
  }

  /**
   * Sends the turn to the call's session, starting the session if this is the call's first webhook.
   * One round trip either way: update-with-start reuses a running session.
   */
  public VoiceInstruction answer(CallSessionInput input, VoiceTurn turn) {
    WorkflowOptions options =
        WorkflowOptions.newBuilder()
            .setWorkflowId(CallWorkflowIds.call(input.callSid()))
            .setTaskQueue(taskQueue)
            .setWorkflowIdConflictPolicy(
                WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING)
            .build();
    CallSessionWorkflow session = client.newWorkflowStub(CallSessionWorkflow.class, options);
    WithStartWorkflowOperation<CallState> start =
        new WithStartWorkflowOperation<>(session::run, input);
    return WorkflowClient.executeUpdateWithStart(
        session::nextInstruction,
        turn,
        UpdateOptions.<VoiceInstruction>newBuilder()
            .setWaitForStage(WorkflowUpdateStage.COMPLETED)
            .build(),
        start);
  }

  /** The live state of a call's session, if it has one. */
  public Optional<CallState> state(String callSid) {
    try {
      return Optional.of(
          client
              .newWorkflowStub(CallSessionWorkflow.class, CallWorkflowIds.call(callSid))
              .getState());
    } catch (io.temporal.client.WorkflowNotFoundException e) {
      return Optional.empty();
    }
  }
}

package io.switchboard.api.voice;

import io.switchboard.config.SwitchboardProperties;
import io.switchboard.voice.CallSessionInput;
import io.switchboard.voice.CallSessionWorkflow;
import io.switchboard.voice.CallState;
import io.switchboard.voice.CallWorkflowIds;
import io.switchboard.voice.FlowTransfer;
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
    CallSessionWorkflow session = stub(input);
    return WorkflowClient.executeUpdateWithStart(
        session::nextInstruction,
        turn,
        completed(),
        new WithStartWorkflowOperation<>(session::run, input));
  }

  /**
   * Moves a live call into a flow in its session, starting one for a call that has none (an
   * outbound call that only played TwiML); answers the flow's first TwiML.
   */
  public VoiceInstruction transfer(CallSessionInput input, FlowTransfer transfer) {
    CallSessionWorkflow session = stub(input);
    return WorkflowClient.executeUpdateWithStart(
        session::transferToFlow,
        transfer,
        completed(),
        new WithStartWorkflowOperation<>(session::run, input));
  }

  private CallSessionWorkflow stub(CallSessionInput input) {
    WorkflowOptions options =
        WorkflowOptions.newBuilder()
            .setWorkflowId(CallWorkflowIds.call(input.callSid()))
            .setTaskQueue(taskQueue)
            .setWorkflowIdConflictPolicy(
                WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING)
            .build();
    return client.newWorkflowStub(CallSessionWorkflow.class, options);
  }

  private static UpdateOptions<VoiceInstruction> completed() {
    return UpdateOptions.<VoiceInstruction>newBuilder()
        .setWaitForStage(WorkflowUpdateStage.COMPLETED)
        .build();
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

package io.switchboard.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.withSettings;

import io.switchboard.voice.VoiceInstruction.Say;
import io.switchboard.voice.flow.Flow;
import io.switchboard.voice.flow.Flows;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.client.UpdateOptions;
import io.temporal.client.WithStartWorkflowOperation;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.client.WorkflowUpdateStage;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A live call transferred into a flow by live-call control, on Temporal's test server. */
class CallSessionTransferTest {

  @RegisterExtension
  static final TestWorkflowExtension temporal =
      TestWorkflowExtension.newBuilder()
          .registerWorkflowImplementationTypes(CallSessionWorkflowImpl.class)
          .registerSearchAttribute("CallSid", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
          .registerSearchAttribute("Channel", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
          .registerSearchAttribute("CommStatus", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
          .registerSearchAttribute("FlowName", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
          .setDoNotStart(true)
          .build();

  /** Two steps, so that a turn after the transfer shows the session walks the new flow. */
  static final Flow SURVEY =
      Flows.parse(
          """
          {'name':'survey','version':3,'start':'rate','nodes':[
           {'id':'rate','type':'gather','say':'Rate our service from 1 to 5.','variable':'score',
            'numDigits':1,'next':'bye'},
           {'id':'bye','type':'hangup','say':'Thank you for your rating.'}]}
          """);

  private final VoiceActivities voice =
      mock(VoiceActivities.class, withSettings().withoutAnnotations());

  @Test
  void aCallInAFlowMovesToTheTransferredFlowAndTheTransferIsRecorded(
      TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    worker.registerActivitiesImplementations(voice);
    env.start();
    Flow menu =
        Flows.parse(
            "{'name':'menu','version':1,'start':'m','nodes':[{'id':'m','type':'menu',"
                + "'say':'Press 1.','numDigits':1,'routes':{'1':'m'}}]}");
    CallSessionWorkflowTest.answer(client, worker, CallSessionFlowTest.call("CA10", menu));
    CallSessionWorkflow session = CallSessionFlowTest.session(client, "CA10");

    VoiceInstruction first =
        session.transferToFlow(new FlowTransfer("CA10", SURVEY, Map.of("CallSid", "CA10")));
    VoiceInstruction last =
        session.nextInstruction(CallSessionFlowTest.action("CA10", "rate", "5"));

    assertThat(first.verbs().toString()).contains("Rate our service from 1 to 5.");
    assertThat(last.verbs()).startsWith(new Say("Thank you for your rating."));
    CallState state = session.getState();
    assertThat(state.flowName()).isEqualTo("survey");
    assertThat(state.flowVersion()).isEqualTo(3);
    assertThat(state.variables()).containsEntry("score", "5");
    verify(voice, timeout(5_000))
        .recordCallEvent(
            argThat(
                e ->
                    e.callSid().equals("CA10")
                        && e.event().equals("transferred-to-flow")
                        && e.detail().equals("flow survey version 3")));
  }

  @Test
  void aTransferStartsTheSessionOfACallThatHadNone(
      TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    worker.registerActivitiesImplementations(voice);
    env.start();
    CallSessionWorkflow stub =
        client.newWorkflowStub(
            CallSessionWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(CallWorkflowIds.call("CA11"))
                .setTaskQueue(worker.getTaskQueue())
                .setWorkflowIdConflictPolicy(
                    WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING)
                .build());

    VoiceInstruction first =
        WorkflowClient.executeUpdateWithStart(
            stub::transferToFlow,
            new FlowTransfer("CA11", SURVEY, Map.of("CallSid", "CA11")),
            UpdateOptions.<VoiceInstruction>newBuilder()
                .setWaitForStage(WorkflowUpdateStage.COMPLETED)
                .build(),
            new WithStartWorkflowOperation<>(stub::run, CallSessionFlowTest.call("CA11", SURVEY)));

    assertThat(first.verbs().toString()).contains("Rate our service");
    CallState state = stub.getState();
    assertThat(state.status()).isEqualTo("in-progress");
    assertThat(state.flowName()).isEqualTo("survey");
  }

  @Test
  void aTransferForAnotherCallIsRefusedAndLeavesTheSessionOnItsFlow(
      TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    worker.registerActivitiesImplementations(voice);
    env.start();
    CallSessionWorkflowTest.answer(client, worker, CallSessionFlowTest.call("CA12", null));
    CallSessionWorkflow session = CallSessionFlowTest.session(client, "CA12");

    assertThatThrownBy(() -> session.transferToFlow(new FlowTransfer("CA99", SURVEY, Map.of())))
        .isInstanceOf(WorkflowUpdateException.class);

    assertThat(session.getState().flowName()).isNull();
    session.callStatusChanged(new CallStatusEvent("CA12", "completed", 10, 3));
    WorkflowStub.fromTyped(session).getResult(CallState.class);
  }
}

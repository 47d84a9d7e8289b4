package io.switchboard.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.withSettings;

import io.switchboard.common.SwitchboardSearchAttributes;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.client.UpdateOptions;
import io.temporal.client.WithStartWorkflowOperation;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.client.WorkflowUpdateStage;
import io.temporal.common.SearchAttributes;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;

class CallSessionWorkflowTest {

  @RegisterExtension
  static final TestWorkflowExtension temporal =
      TestWorkflowExtension.newBuilder()
          .registerWorkflowImplementationTypes(CallSessionWorkflowImpl.class)
          .registerSearchAttribute("CallSid", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
          .registerSearchAttribute("Channel", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
          .registerSearchAttribute("CommStatus", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
          .setDoNotStart(true)
          .build();

  private final VoiceActivities activities =
      mock(VoiceActivities.class, withSettings().withoutAnnotations());

  static final CallSessionInput CALL =
      new CallSessionInput("CA100", "AC1", "+15551230001", "+15559870002", "inbound", 1_000L);

  @Test
  void firstTurnAnswersWithGreetingAndRecordsTheCall(
      TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    worker.registerActivitiesImplementations(activities);
    env.start();

    VoiceInstruction instruction = answer(client, worker, CALL);

    assertThat(instruction.verbs())
        .containsExactly(
            new VoiceInstruction.Say(CallSessionWorkflowImpl.GREETING),
            new VoiceInstruction.Hangup());
    ArgumentCaptor<CallRecordRequest> recorded = ArgumentCaptor.forClass(CallRecordRequest.class);
    verify(activities, timeout(5_000)).recordCall(recorded.capture());
    assertThat(recorded.getValue().callSid()).isEqualTo("CA100");
    assertThat(recorded.getValue().status()).isEqualTo("in-progress");
    assertThat(recorded.getValue().from()).isEqualTo("+15551230001");
  }

  @Test
  void duplicateFirstWebhookJoinsTheRunningSession(
      TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    worker.registerActivitiesImplementations(activities);
    env.start();

    answer(client, worker, CALL);
    answer(client, worker, CALL);

    CallState state = session(client).getState();
    assertThat(state.turns()).isEqualTo(2);
    assertThat(state.ended()).isFalse();
  }

  @Test
  void finalStatusEndsTheSessionAndIsRecorded(
      TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    worker.registerActivitiesImplementations(activities);
    env.start();
    answer(client, worker, CALL);

    session(client).callStatusChanged(new CallStatusEvent("CA100", "completed", 12, 3));

    CallState result = WorkflowStub.fromTyped(session(client)).getResult(CallState.class);
    assertThat(result.ended()).isTrue();
    assertThat(result.status()).isEqualTo("completed");
    ArgumentCaptor<CallRecordRequest> recorded = ArgumentCaptor.forClass(CallRecordRequest.class);
    verify(activities, times(2)).recordCall(recorded.capture());
    assertThat(recorded.getAllValues())
        .extracting(CallRecordRequest::status)
        .containsExactly("in-progress", "completed");
  }

  @Test
  void statusChangesArePublishedAsSearchAttributes(
      TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    worker.registerActivitiesImplementations(activities);
    env.start();
    answer(client, worker, CALL);

    session(client).callStatusChanged(new CallStatusEvent("CA100", "completed", 12, 3));

    WorkflowStub stub = WorkflowStub.fromTyped(session(client));
    stub.getResult(CallState.class);
    SearchAttributes attributes = stub.describe().getTypedSearchAttributes();
    assertThat(attributes.get(SwitchboardSearchAttributes.CALL_SID)).isEqualTo("CA100");
    assertThat(attributes.get(SwitchboardSearchAttributes.CHANNEL)).isEqualTo("voice");
    assertThat(attributes.get(SwitchboardSearchAttributes.COMM_STATUS)).isEqualTo("completed");
  }

  @Test
  void olderStatusCallbackArrivingLateIsIgnored(
      TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    worker.registerActivitiesImplementations(activities);
    env.start();
    answer(client, worker, CALL);

    CallSessionWorkflow session = session(client);
    session.callStatusChanged(new CallStatusEvent("CA100", "completed", 30, 4));
    session.callStatusChanged(new CallStatusEvent("CA100", "ringing", null, 1));

    CallState result = WorkflowStub.fromTyped(session).getResult(CallState.class);
    assertThat(result.status()).isEqualTo("completed");
  }

  @Test
  void idleSessionClosesAfterTheMaximumIdleTime(
      TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    worker.registerActivitiesImplementations(activities);
    env.start();
    answer(client, worker, CALL);

    env.sleep(CallSessionWorkflowImpl.MAX_IDLE.plus(Duration.ofMinutes(1)));

    CallState result = WorkflowStub.fromTyped(session(client)).getResult(CallState.class);
    assertThat(result.ended()).isFalse();
    assertThat(result.turns()).isEqualTo(1);
  }

  @Test
  void idleTimeCountsFromTheLastTurnOrCallback(
      TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    worker.registerActivitiesImplementations(activities);
    env.start();
    answer(client, worker, CALL);
    env.sleep(Duration.ofHours(3));
    session(client).callStatusChanged(new CallStatusEvent("CA100", "in-progress", null, 2));

    // Four hours after the answer, but one after the callback: still open.
    env.sleep(Duration.ofHours(1).plusMinutes(1));
    WorkflowStub stub = WorkflowStub.fromTyped(session(client));
    assertThat(stub.describe().getStatus())
        .isEqualTo(
            io.temporal.api.enums.v1.WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING);

    env.sleep(Duration.ofHours(3));
    CallState result = stub.getResult(CallState.class);
    assertThat(result.ended()).isFalse();
    assertThat(result.status()).isEqualTo("in-progress");
  }

  /**
   * A turn is an Update the caller waits for: it should cost the server no more than its own
   * events, not the cancel of an idle timer and the start of a new one.
   */
  @Test
  void turnsAndCallbacksLeaveTheIdleTimerAlone(
      TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    worker.registerActivitiesImplementations(activities);
    env.start();
    answer(client, worker, CALL);
    CallSessionWorkflow session = session(client);
    session.callStatusChanged(new CallStatusEvent("CA100", "in-progress", null, 2));
    for (int turn = 0; turn < 3; turn++) {
      session.nextInstruction(
          new VoiceTurn("CA100", VoiceTurn.TurnKind.ACTION, Map.of("Digits", "1"), "main"));
    }
    session.callStatusChanged(new CallStatusEvent("CA100", "completed", 20, 3));
    WorkflowStub.fromTyped(session).getResult(CallState.class);

    var events =
        client.fetchHistory(CallWorkflowIds.call("CA100")).getEvents().stream()
            .map(io.temporal.api.history.v1.HistoryEvent::getEventType)
            .toList();
    assertThat(events)
        .filteredOn(type -> type == io.temporal.api.enums.v1.EventType.EVENT_TYPE_TIMER_STARTED)
        .hasSize(1);
    assertThat(events).doesNotContain(io.temporal.api.enums.v1.EventType.EVENT_TYPE_TIMER_CANCELED);
  }

  @Test
  void turnForAnotherCallIsRejectedWithoutChangingTheSession(
      TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    worker.registerActivitiesImplementations(activities);
    env.start();
    answer(client, worker, CALL);

    CallSessionWorkflow session = session(client);
    VoiceTurn foreign = new VoiceTurn("CA999", VoiceTurn.TurnKind.ANSWER, Map.of());
    assertThatThrownBy(() -> session.nextInstruction(foreign))
        .isInstanceOf(WorkflowUpdateException.class);
    assertThat(session.getState().turns()).isEqualTo(1);
    verify(activities, timeout(5_000)).recordCall(any());
  }

  static VoiceInstruction answer(WorkflowClient client, Worker worker, CallSessionInput call) {
    CallSessionWorkflow stub =
        client.newWorkflowStub(
            CallSessionWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(CallWorkflowIds.call(call.callSid()))
                .setTaskQueue(worker.getTaskQueue())
                .setWorkflowIdConflictPolicy(
                    WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING)
                .build());
    return WorkflowClient.executeUpdateWithStart(
        stub::nextInstruction,
        new VoiceTurn(call.callSid(), VoiceTurn.TurnKind.ANSWER, Map.of("CallSid", call.callSid())),
        UpdateOptions.<VoiceInstruction>newBuilder()
            .setWaitForStage(WorkflowUpdateStage.COMPLETED)
            .build(),
        new WithStartWorkflowOperation<>(stub::run, call));
  }

  private static CallSessionWorkflow session(WorkflowClient client) {
    return client.newWorkflowStub(CallSessionWorkflow.class, CallWorkflowIds.call("CA100"));
  }
}

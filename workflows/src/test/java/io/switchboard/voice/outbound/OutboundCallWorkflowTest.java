package io.switchboard.voice.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import io.switchboard.common.SwitchboardSearchAttributes;
import io.switchboard.common.TwilioFailureType;
import io.switchboard.voice.CallStatusEvent;
import io.switchboard.voice.VoiceInstruction;
import io.switchboard.voice.outbound.OutboundCallActivities.PlaceOutcome;
import io.switchboard.voice.outbound.OutboundCallActivities.PlaceRequest;
import io.switchboard.voice.outbound.OutboundCallActivities.PlacedCall;
import io.switchboard.voice.outbound.OutboundCallActivities.StatusRecord;
import io.switchboard.voice.outbound.OutboundCallRequest.MachineAction;
import io.switchboard.voice.outbound.OutboundCallRequest.RetryPolicy;
import io.temporal.api.common.v1.ActivityType;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.SearchAttributes;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;

class OutboundCallWorkflowTest {

  @RegisterExtension
  static final TestWorkflowExtension temporal =
      TestWorkflowExtension.newBuilder()
          .registerWorkflowImplementationTypes(OutboundCallWorkflowImpl.class)
          .registerSearchAttribute("CallSid", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
          .registerSearchAttribute("Channel", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
          .registerSearchAttribute("CommStatus", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
          .registerSearchAttribute("FlowName", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
          .registerSearchAttribute("ParticipantNumber", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
          .setDoNotStart(true)
          .build();

  private final OutboundCallActivities activities =
      mock(OutboundCallActivities.class, withSettings().withoutAnnotations());

  static OutboundCallRequest request(String id, RetryPolicy retry) {
    return new OutboundCallRequest(
        id,
        "+14155550199",
        "+14155550100",
        "demo",
        null,
        MachineAction.VOICEMAIL,
        "Please call us back.",
        retry,
        null,
        30,
        new TreeMap<>());
  }

  static PlaceOutcome placed(String sid) {
    return PlaceOutcome.placed(new PlacedCall(sid, "queued", null));
  }

  static CallStatusEvent status(String sid, String status, int sequence) {
    return new CallStatusEvent(sid, status, null, sequence, null);
  }

  @Test
  void answeredCallIsFollowedToCompletionWithEveryStatusRecorded(
      TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    when(activities.placeWithinRate(any())).thenReturn(placed("CA1"));
    worker.registerActivitiesImplementations(activities);
    env.start();

    OutboundCallWorkflow call = start(client, worker, request("o1", RetryPolicy.NONE));
    awaitCallSid(env, call, "CA1");
    call.callStatusChanged(status("CA1", "ringing", 1));
    call.callStatusChanged(new CallStatusEvent("CA1", "in-progress", null, 2, "human"));
    call.callStatusChanged(status("CA1", "completed", 3));

    OutboundCallState result = result(call);
    assertThat(result.status()).isEqualTo("completed");
    assertThat(result.attempt()).isEqualTo(1);
    assertThat(result.answeredBy()).isEqualTo("human");
    assertThat(result.ended()).isTrue();
    assertThat(recorded())
        .extracting(StatusRecord::status)
        .containsSubsequence("queued", "ringing", "in-progress", "completed");
    verify(activities, never()).fetch(any());
    // The records are local activities: the only task the Temporal server dispatched for this
    // call is its placement at Twilio.
    assertThat(
            client.fetchHistory(OutboundCallWorkflowIds.outboundCall("o1")).getEvents().stream()
                .filter(HistoryEvent::hasActivityTaskScheduledEventAttributes)
                .map(event -> event.getActivityTaskScheduledEventAttributes().getActivityType()))
        .extracting(ActivityType::getName)
        .containsExactly("PlaceWithinRate");
  }

  @Test
  void recordsWaitOutADatabaseOutageAndTheCallStillEndsWithEveryStatusRecorded(
      TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    when(activities.placeWithinRate(any())).thenReturn(placed("CA1"));
    // PostgreSQL is down for the accepted record and the first writes after it: the local
    // activities must retry (a local activity without a schedule-to-close timeout never does, and
    // a message failed that way at its first write on 2026-12-03).
    doThrow(new IllegalStateException("database down"))
        .doThrow(new IllegalStateException("database down"))
        .doNothing()
        .when(activities)
        .recordAccepted(any());
    doThrow(new IllegalStateException("database down"))
        .doThrow(new IllegalStateException("database down"))
        .doNothing()
        .when(activities)
        .recordStatus(any());
    worker.registerActivitiesImplementations(activities);
    env.start();

    OutboundCallWorkflow call = start(client, worker, request("o-db", RetryPolicy.NONE));
    awaitCallSid(env, call, "CA1");
    call.callStatusChanged(status("CA1", "in-progress", 2));
    call.callStatusChanged(status("CA1", "completed", 3));

    OutboundCallState result = result(call);
    assertThat(result.status()).isEqualTo("completed");
    verify(activities, times(3)).recordAccepted(any());
    assertThat(recorded())
        .extracting(StatusRecord::status)
        .contains("queued", "in-progress", "completed");
  }

  @Test
  void eachAttemptsCallSidAndTheFinalStatusArePublishedAsSearchAttributes(
      TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    when(activities.placeWithinRate(any())).thenReturn(placed("CA1"), placed("CA2"));
    worker.registerActivitiesImplementations(activities);
    env.start();

    OutboundCallWorkflow call = start(client, worker, request("o9", new RetryPolicy(2, 60, false)));
    awaitCallSid(env, call, "CA1");
    WorkflowStub stub = WorkflowStub.fromTyped(call);
    assertThat(stub.describe().getTypedSearchAttributes().get(SwitchboardSearchAttributes.CALL_SID))
        .isEqualTo("CA1");
    call.callStatusChanged(status("CA1", "no-answer", 3));
    env.sleep(Duration.ofSeconds(61));
    awaitCallSid(env, call, "CA2");
    call.callStatusChanged(status("CA2", "completed", 3));
    result(call);

    SearchAttributes attributes = stub.describe().getTypedSearchAttributes();
    assertThat(attributes.get(SwitchboardSearchAttributes.CALL_SID)).isEqualTo("CA2");
    assertThat(attributes.get(SwitchboardSearchAttributes.COMM_STATUS)).isEqualTo("completed");
    assertThat(attributes.get(SwitchboardSearchAttributes.CHANNEL)).isEqualTo("voice");
    assertThat(attributes.get(SwitchboardSearchAttributes.FLOW_NAME)).isEqualTo("demo");
    assertThat(attributes.containsKey(SwitchboardSearchAttributes.PARTICIPANT_NUMBER)).isFalse();
  }

  @Test
  void theCalledNumbersFingerprintIsPublishedNeverTheNumber(
      TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    when(activities.placeWithinRate(any())).thenReturn(placed("CA1"));
    worker.registerActivitiesImplementations(activities);
    env.start();
    String fingerprint = "0123456789abcdef0123456789abcdef";
    OutboundCallRequest request =
        request("o10", RetryPolicy.NONE).withParticipantFingerprint(fingerprint);

    OutboundCallWorkflow call = start(client, worker, request);
    awaitCallSid(env, call, "CA1");

    SearchAttributes attributes =
        WorkflowStub.fromTyped(call).describe().getTypedSearchAttributes();
    assertThat(attributes.get(SwitchboardSearchAttributes.PARTICIPANT_NUMBER))
        .isEqualTo(fingerprint);
    assertThat(attributes.getUntypedValues().values().stream().map(String::valueOf))
        .noneMatch(value -> value.contains(request.to().substring(1)));
  }

  @Test
  void inputErrorsFailAtOnceWithTheirCodeAndNoRetry(
      TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    when(activities.placeWithinRate(any()))
        .thenThrow(
            ApplicationFailure.newFailure(
                "'To' phone number cannot be reached",
                TwilioFailureType.TWILIO_REJECTED.name(),
                21214));
    worker.registerActivitiesImplementations(activities);
    env.start();

    OutboundCallState result =
        result(start(client, worker, request("o2", new RetryPolicy(3, 60, true))));

    assertThat(result.status()).isEqualTo("failed");
    assertThat(result.errorCode()).isEqualTo(21214);
    verify(activities, times(1)).placeWithinRate(any());
  }

  @Test
  void aMachineIsPlacedAgainOnlyWhenThePolicyRetriesMachines(
      TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    when(activities.placeWithinRate(any())).thenReturn(placed("CA1"), placed("CA2"), placed("CA3"));
    worker.registerActivitiesImplementations(activities);
    env.start();

    OutboundCallWorkflow retried =
        start(client, worker, request("o11", new RetryPolicy(2, 60, false, true)));
    awaitCallSid(env, retried, "CA1");
    retried.callStatusChanged(new CallStatusEvent("CA1", "completed", 4, 3, "machine_start"));
    env.sleep(Duration.ofSeconds(61));
    awaitCallSid(env, retried, "CA2");
    retried.callStatusChanged(new CallStatusEvent("CA2", "completed", 60, 3, "human"));
    OutboundCallState twice = result(retried);

    OutboundCallWorkflow once =
        start(client, worker, request("o12", new RetryPolicy(2, 60, false)));
    awaitCallSid(env, once, "CA3");
    once.callStatusChanged(new CallStatusEvent("CA3", "completed", 4, 3, "machine_end_beep"));
    OutboundCallState left = result(once);

    assertThat(twice.attempt()).isEqualTo(2);
    assertThat(twice.answeredBy()).isEqualTo("human");
    assertThat(left.attempt()).isEqualTo(1);
    assertThat(left.answeredBy()).isEqualTo("machine_end_beep");
    verify(activities, times(3)).placeWithinRate(any());
  }

  @Test
  void theAnswersDialReportsItsOutcomeAndGetsWhatFollowsIt(
      TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    when(activities.placeWithinRate(any())).thenReturn(placed("CA1"));
    worker.registerActivitiesImplementations(activities);
    env.start();
    VoiceInstruction answer =
        VoiceInstruction.of(
            new VoiceInstruction.Say("Connecting you."),
            new VoiceInstruction.Dial("client:alice", "voice/callback-dial", 20),
            new VoiceInstruction.Say("Goodbye."),
            new VoiceInstruction.Hangup());
    VoiceInstruction missed =
        VoiceInstruction.of(
            new VoiceInstruction.Say("Nobody came."), new VoiceInstruction.Hangup());
    OutboundCallRequest request =
        new OutboundCallRequest(
            "o13",
            "+14155550199",
            "+14155550100",
            null,
            null,
            null,
            null,
            null,
            null,
            30,
            null,
            answer,
            null,
            missed);
    OutboundCallWorkflow call = start(client, worker, request);
    awaitCallSid(env, call, "CA1");
    call.callStatusChanged(status("CA1", "in-progress", 2));

    VoiceInstruction foreign = call.dialEnded(new DialOutcome("CA9", "no-answer"));
    String afterForeign = call.getState().dialStatus();
    VoiceInstruction notReached = call.dialEnded(new DialOutcome("CA1", "busy"));
    VoiceInstruction reached = call.dialEnded(new DialOutcome("CA1", "completed"));
    call.callStatusChanged(status("CA1", "completed", 3));

    assertThat(foreign.verbs())
        .containsExactly(new VoiceInstruction.Say("Goodbye."), new VoiceInstruction.Hangup());
    assertThat(afterForeign).isNull();
    assertThat(notReached).isEqualTo(missed);
    assertThat(reached.verbs())
        .containsExactly(new VoiceInstruction.Say("Goodbye."), new VoiceInstruction.Hangup());
    assertThat(result(call).dialStatus()).isEqualTo("completed");
  }

  @Test
  void noAnswerIsPlacedAgainAfterTheSpacingWithANewRequestId(
      TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    when(activities.placeWithinRate(any())).thenReturn(placed("CA1"), placed("CA2"));
    worker.registerActivitiesImplementations(activities);
    env.start();

    OutboundCallWorkflow call =
        start(client, worker, request("o3", new RetryPolicy(3, 600, false)));
    awaitCallSid(env, call, "CA1");
    call.callStatusChanged(status("CA1", "no-answer", 3));
    env.sleep(Duration.ofSeconds(590));
    assertThat(call.getState().status()).isEqualTo("retry-scheduled");
    verify(activities, times(1)).placeWithinRate(any());

    env.sleep(Duration.ofSeconds(15));
    awaitCallSid(env, call, "CA2");
    call.callStatusChanged(status("CA1", "completed", 9)); // the first attempt's: ignored
    assertThat(call.getState().status()).isEqualTo("queued");
    call.callStatusChanged(status("CA2", "completed", 3));

    OutboundCallState result = result(call);
    assertThat(result.attempt()).isEqualTo(2);
    assertThat(result.callSid()).isEqualTo("CA2");
    ArgumentCaptor<PlaceRequest> places = ArgumentCaptor.forClass(PlaceRequest.class);
    verify(activities, times(2)).placeWithinRate(places.capture());
    assertThat(places.getAllValues()).extracting(PlaceRequest::attempt).containsExactly(1, 2);
    assertThat(places.getAllValues().get(0).requestId())
        .isNotEqualTo(places.getAllValues().get(1).requestId());
  }

  @Test
  void busyEndsTheCallUnlessThePolicyRetriesBusy(
      TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    when(activities.placeWithinRate(any())).thenReturn(placed("CA1"));
    worker.registerActivitiesImplementations(activities);
    env.start();

    OutboundCallWorkflow call = start(client, worker, request("o4", new RetryPolicy(3, 60, false)));
    awaitCallSid(env, call, "CA1");
    call.callStatusChanged(status("CA1", "busy", 3));

    assertThat(result(call).status()).isEqualTo("busy");
    verify(activities, times(1)).placeWithinRate(any());
  }

  @Test
  void attemptsRunOutAfterMaxAttempts(
      TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    when(activities.placeWithinRate(any())).thenReturn(placed("CA1"), placed("CA2"));
    worker.registerActivitiesImplementations(activities);
    env.start();

    OutboundCallWorkflow call = start(client, worker, request("o5", new RetryPolicy(2, 60, true)));
    awaitCallSid(env, call, "CA1");
    call.callStatusChanged(status("CA1", "busy", 3));
    env.sleep(Duration.ofSeconds(61));
    awaitCallSid(env, call, "CA2");
    call.callStatusChanged(status("CA2", "no-answer", 3));

    OutboundCallState result = result(call);
    assertThat(result.status()).isEqualTo("no-answer");
    assertThat(result.attempt()).isEqualTo(2);
  }

  @Test
  void aThrottledCallWaitsDurablyForItsTurnWithoutUsingRetries(
      TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    when(activities.placeWithinRate(any()))
        .thenReturn(
            PlaceOutcome.throttled(30_000L),
            PlaceOutcome.throttled(30_000L),
            PlaceOutcome.placed(new PlacedCall("CA1", "completed", null)));
    worker.registerActivitiesImplementations(activities);
    env.start();

    OutboundCallWorkflow call = start(client, worker, request("o6", RetryPolicy.NONE));
    env.sleep(Duration.ofSeconds(20));
    assertThat(call.getState().status()).isEqualTo("throttled");
    assertThat(call.getState().callSid()).isNull();

    assertThat(result(call).status()).isEqualTo("completed");
    // Each throttled ask is a new activity, not a retry of one: throttling spends no attempts.
    verify(activities, times(3)).placeWithinRate(any());
    verify(activities, never()).requestTurn(any());
    verify(activities, never()).place(any());
  }

  @Test
  void withoutAFinalCallbackTheCallIsFetchedFromTwilio(
      TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    when(activities.placeWithinRate(any())).thenReturn(placed("CA1"));
    when(activities.fetch("CA1")).thenReturn(new PlacedCall("CA1", "completed", "human"));
    worker.registerActivitiesImplementations(activities);
    env.start();

    OutboundCallState result = result(start(client, worker, request("o7", RetryPolicy.NONE)));

    assertThat(result.status()).isEqualTo("completed");
    verify(activities, atLeastOnce()).fetch("CA1");
  }

  @Test
  void theRequestsStatusCheckSetsHowLongTheCallWaitsForCallbacksBeforeAskingTwilio(
      TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    when(activities.placeWithinRate(any())).thenReturn(placed("CA1"));
    when(activities.fetch("CA1"))
        .thenReturn(new PlacedCall("CA1", "in-progress", "human"))
        .thenReturn(new PlacedCall("CA1", "completed", "human"));
    worker.registerActivitiesImplementations(activities);
    env.start();

    OutboundCallState result =
        result(
            start(
                client, worker, request("o-check", RetryPolicy.NONE).withStatusCheckSeconds(30L)));

    assertThat(result.status()).isEqualTo("completed");
    verify(activities, times(2)).fetch("CA1");
    // Two waits of 30 s (the second while the call was in progress), not five minutes each.
    List<StatusRecord> records = recorded();
    long placedAt = records.get(0).occurredAtMillis();
    long endedAt = records.get(records.size() - 1).occurredAtMillis();
    assertThat(records.get(0).status()).isEqualTo("queued");
    assertThat(endedAt - placedAt)
        .isBetween(60_000L, OutboundCallWorkflowImpl.STATUS_CHECK.toMillis());
  }

  @Test
  void scheduledCallWaitsUntilItsTime(
      TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    when(activities.placeWithinRate(any()))
        .thenReturn(PlaceOutcome.placed(new PlacedCall("CA1", "completed", null)));
    worker.registerActivitiesImplementations(activities);
    env.start();
    long at = env.currentTimeMillis() + Duration.ofHours(1).toMillis();
    OutboundCallRequest base = request("o8", RetryPolicy.NONE);
    OutboundCallRequest later =
        new OutboundCallRequest(
            base.id(),
            base.to(),
            base.from(),
            base.flowName(),
            null,
            null,
            null,
            base.retry(),
            at,
            30,
            null);

    OutboundCallWorkflow call = start(client, worker, later);
    env.sleep(Duration.ofMinutes(59));
    assertThat(call.getState().status()).isEqualTo("scheduled");
    verify(activities, never()).placeWithinRate(any());

    assertThat(result(call).status()).isEqualTo("completed");
  }

  /**
   * In the workflow's order: the writes run as concurrent activities, and the table orders them by
   * their sequence as this does.
   */
  private List<StatusRecord> recorded() {
    ArgumentCaptor<StatusRecord> records = ArgumentCaptor.forClass(StatusRecord.class);
    verify(activities, atLeastOnce()).recordStatus(records.capture());
    // Status writes run concurrently, so they reach the activity in any order; the row's sequence
    // is what orders a call's history.
    return records.getAllValues().stream()
        .sorted(Comparator.comparingInt(StatusRecord::sequence))
        .toList();
  }

  /** Callbacks come once Twilio has the call; the test waits for that as Twilio would. */
  static void awaitCallSid(TestWorkflowEnvironment env, OutboundCallWorkflow call, String sid) {
    for (int i = 0; i < 200 && !sid.equals(call.getState().callSid()); i++) {
      env.sleep(Duration.ofMillis(100));
    }
    assertThat(call.getState().callSid()).isEqualTo(sid);
  }

  static OutboundCallWorkflow start(
      WorkflowClient client, Worker worker, OutboundCallRequest request) {
    OutboundCallWorkflow call =
        client.newWorkflowStub(
            OutboundCallWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(OutboundCallWorkflowIds.outboundCall(request.id()))
                .setTaskQueue(worker.getTaskQueue())
                .build());
    WorkflowClient.start(call::place, request);
    return call;
  }

  static OutboundCallState result(OutboundCallWorkflow call) {
    return WorkflowStub.fromTyped(call).getResult(OutboundCallState.class);
  }
}

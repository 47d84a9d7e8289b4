package io.switchboard.voice.outbound;

import io.switchboard.common.RecordedHistories;
import io.switchboard.common.SwitchboardSearchAttributes;
import io.switchboard.common.TwilioFailureType;
import io.switchboard.voice.outbound.OutboundCallRequest.RetryPolicy;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.SearchAttributeKey;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Records the histories that {@link OutboundCallReplayTest} replays. Run it on purpose, when a
 * workflow change is released, with {@code -Dswitchboard.recordHistories=true}; new files are added
 * beside the old ones, which must keep replaying.
 */
@EnabledIfSystemProperty(named = "switchboard.recordHistories", matches = "true")
class OutboundCallHistoryRecorder {

  @Test
  void recordAnsweredThenCompleted() throws Exception {
    record(
        "answered-then-completed-v2.json",
        new Scripted(null),
        OutboundCallWorkflowTest.request("h1", RetryPolicy.NONE),
        OutboundCallHistoryRecorder::ringsAnsweredCompleted);
  }

  @Test
  void recordAnsweredWithParticipantNumber() throws Exception {
    record(
        "answered-with-participant-number-v3.json",
        new Scripted(null),
        OutboundCallWorkflowTest.request("h4", RetryPolicy.NONE)
            .withParticipantFingerprint("0123456789abcdef0123456789abcdef"),
        (env, call) -> {
          OutboundCallWorkflowTest.awaitCallSid(env, call, "CA1");
          call.callStatusChanged(OutboundCallWorkflowTest.status("CA1", "in-progress", 2));
          call.callStatusChanged(OutboundCallWorkflowTest.status("CA1", "completed", 3));
        });
  }

  @Test
  void recordPlacedWithinRate() throws Exception {
    record(
        "placed-within-rate-v4.json",
        new Scripted(null),
        OutboundCallWorkflowTest.request("h5", new RetryPolicy(2, 300, false))
            .withParticipantFingerprint("0123456789abcdef0123456789abcdef"),
        OutboundCallHistoryRecorder::noAnswerThenAnsweredCompleted);
  }

  @Test
  void recordRejectedWithinRate() throws Exception {
    record(
        "rejected-within-rate-v4.json",
        new Scripted(21216),
        OutboundCallWorkflowTest.request("h6", RetryPolicy.NONE),
        (env, call) -> {});
  }

  @Test
  void recordAnsweredWithLocalRecords() throws Exception {
    record(
        "answered-then-completed-local-records-v6.json",
        new Scripted(null),
        OutboundCallWorkflowTest.request("h7", RetryPolicy.NONE)
            .withParticipantFingerprint("0123456789abcdef0123456789abcdef"),
        OutboundCallHistoryRecorder::ringsAnsweredCompleted);
  }

  @Test
  void recordNoAnswerRetriedWithLocalRecords() throws Exception {
    record(
        "no-answer-retried-local-records-v6.json",
        new Scripted(null),
        OutboundCallWorkflowTest.request("h8", new RetryPolicy(2, 300, false)),
        OutboundCallHistoryRecorder::noAnswerThenAnsweredCompleted);
  }

  @Test
  void recordRejectedWithLocalRecords() throws Exception {
    record(
        "rejected-with-local-records-v6.json",
        new Scripted(21216),
        OutboundCallWorkflowTest.request("h9", RetryPolicy.NONE),
        (env, call) -> {});
  }

  @Test
  void recordRejectedByTwilio() throws Exception {
    record(
        "rejected-by-twilio-v2.json",
        new Scripted(21216),
        OutboundCallWorkflowTest.request("h2", RetryPolicy.NONE),
        (env, call) -> {});
  }

  @Test
  void recordNoAnswerRetried() throws Exception {
    record(
        "no-answer-retried-v2.json",
        new Scripted(null),
        OutboundCallWorkflowTest.request("h3", new RetryPolicy(2, 300, false)),
        (env, call) -> {
          OutboundCallWorkflowTest.awaitCallSid(env, call, "CA1");
          call.callStatusChanged(OutboundCallWorkflowTest.status("CA1", "no-answer", 3));
          env.sleep(Duration.ofSeconds(301));
          OutboundCallWorkflowTest.awaitCallSid(env, call, "CA2");
          call.callStatusChanged(OutboundCallWorkflowTest.status("CA2", "completed", 3));
        });
  }

  interface Scenario {
    void run(TestWorkflowEnvironment env, OutboundCallWorkflow call);
  }

  private static void ringsAnsweredCompleted(
      TestWorkflowEnvironment env, OutboundCallWorkflow call) {
    OutboundCallWorkflowTest.awaitCallSid(env, call, "CA1");
    call.callStatusChanged(OutboundCallWorkflowTest.status("CA1", "ringing", 1));
    call.callStatusChanged(OutboundCallWorkflowTest.status("CA1", "in-progress", 2));
    call.callStatusChanged(OutboundCallWorkflowTest.status("CA1", "completed", 3));
  }

  /** Nobody answers the first call; the second, after the policy's spacing, is answered. */
  private static void noAnswerThenAnsweredCompleted(
      TestWorkflowEnvironment env, OutboundCallWorkflow call) {
    OutboundCallWorkflowTest.awaitCallSid(env, call, "CA1");
    call.callStatusChanged(OutboundCallWorkflowTest.status("CA1", "no-answer", 3));
    env.sleep(Duration.ofSeconds(301));
    OutboundCallWorkflowTest.awaitCallSid(env, call, "CA2");
    call.callStatusChanged(OutboundCallWorkflowTest.status("CA2", "in-progress", 2));
    call.callStatusChanged(OutboundCallWorkflowTest.status("CA2", "completed", 3));
  }

  private static void record(
      String name,
      OutboundCallActivities activities,
      OutboundCallRequest request,
      Scenario scenario)
      throws Exception {
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      for (SearchAttributeKey<?> attribute : SwitchboardSearchAttributes.ALL) {
        env.registerSearchAttribute(
            attribute.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);
      }
      Worker worker = env.newWorker("voice");
      worker.registerWorkflowImplementationTypes(OutboundCallWorkflowImpl.class);
      worker.registerActivitiesImplementations(activities);
      env.start();
      WorkflowClient client = env.getWorkflowClient();
      String id = OutboundCallWorkflowIds.outboundCall(request.id());
      OutboundCallWorkflow call =
          client.newWorkflowStub(
              OutboundCallWorkflow.class,
              WorkflowOptions.newBuilder().setWorkflowId(id).setTaskQueue("voice").build());
      WorkflowClient.start(call::place, request);
      scenario.run(env, call);
      WorkflowStub.fromTyped(call).getResult(OutboundCallState.class);
      String json = client.fetchHistory(id).toJson(true);
      RecordedHistories.writeNew(OutboundCallReplayTest.HISTORIES.resolve(name), json);
    }
  }

  /** Answers as Twilio and PostgreSQL would, without either: CA1, CA2, … or a refusal. */
  static final class Scripted implements OutboundCallActivities {
    private final Integer rejectCode;
    private final AtomicInteger calls = new AtomicInteger();

    Scripted(Integer rejectCode) {
      this.rejectCode = rejectCode;
    }

    @Override
    public void recordAccepted(OutboundCallRequest request) {}

    @Override
    public long requestTurn(TurnRequest request) {
      return 0;
    }

    @Override
    public PlacedCall place(PlaceRequest request) {
      if (rejectCode != null) {
        throw ApplicationFailure.newFailure(
            "Account not allowed to call", TwilioFailureType.TWILIO_REJECTED.name(), rejectCode);
      }
      return new PlacedCall("CA" + calls.incrementAndGet(), "queued", null);
    }

    @Override
    public PlaceOutcome placeWithinRate(PlaceRequest request) {
      return PlaceOutcome.placed(place(request));
    }

    @Override
    public PlacedCall fetch(String callSid) {
      return new PlacedCall(callSid, "completed", null);
    }

    @Override
    public void recordStatus(StatusRecord record) {}
  }
}

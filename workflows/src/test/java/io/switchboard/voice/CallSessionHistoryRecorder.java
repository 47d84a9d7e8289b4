package io.switchboard.voice;

import io.switchboard.common.RecordedHistories;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Records the histories that {@link CallSessionReplayTest} replays. Run it on purpose, when a
 * workflow change is released, with {@code -Dswitchboard.recordHistories=true}; new files are added
 * beside the old ones, which must keep replaying.
 */
@EnabledIfSystemProperty(named = "switchboard.recordHistories", matches = "true")
class CallSessionHistoryRecorder {

  @Test
  void recordAnsweredThenCompleted() throws Exception {
    record(
        "answered-then-completed-v1.json",
        (client, worker) -> {
          CallSessionWorkflowTest.answer(client, worker, CallSessionWorkflowTest.CALL);
          session(client).callStatusChanged(new CallStatusEvent("CA100", "completed", 12, 3));
        });
  }

  /** Since search attributes: the version marker and the upserts are in the history. */
  @Test
  void recordAnsweredThenCompletedWithSearchAttributes() throws Exception {
    record(
        "answered-then-completed-v2-search-attributes.json",
        (client, worker) -> {
          CallSessionWorkflowTest.answer(client, worker, CallSessionWorkflowTest.CALL);
          session(client).callStatusChanged(new CallStatusEvent("CA100", "completed", 12, 3));
        });
  }

  @Test
  void recordDuplicateAnswerAndLateCallback() throws Exception {
    record(
        "duplicate-answer-late-callback-v1.json",
        (client, worker) -> {
          CallSessionWorkflowTest.answer(client, worker, CallSessionWorkflowTest.CALL);
          CallSessionWorkflowTest.answer(client, worker, CallSessionWorkflowTest.CALL);
          session(client).callStatusChanged(new CallStatusEvent("CA100", "completed", 30, 4));
          session(client).callStatusChanged(new CallStatusEvent("CA100", "ringing", null, 1));
        });
  }

  /** Since flows: the version marker, a menu turn and a voicemail in the history. */
  @Test
  void recordFlowMenuToVoicemail() throws Exception {
    record(
        "flow-menu-voicemail-v3-flow-engine.json",
        (client, worker) -> {
          CallSessionWorkflowTest.answer(
              client, worker, CallSessionFlowTest.call("CA100", CallSessionFlowTest.SUPPORT));
          CallSessionWorkflow session = session(client);
          session.nextInstruction(CallSessionFlowTest.action("CA100", "main", ""));
          session.nextInstruction(CallSessionFlowTest.action("CA100", "main", ""));
          session.nextInstruction(
              new VoiceTurn(
                  "CA100",
                  VoiceTurn.TurnKind.ACTION,
                  java.util.Map.of("RecordingSid", "RE1", "RecordingUrl", "https://x.test/RE1"),
                  "voicemail"));
          session.callStatusChanged(new CallStatusEvent("CA100", "completed", 40, 6));
        });
  }

  /**
   * Since the idle deadline: one idle timer for the session, menu turns and callbacks that leave it
   * alone, the timer firing four hours after the answer and re-armed for what is left, then the
   * session closing when idle.
   */
  @Test
  void recordFlowMenuWithTheIdleDeadline() throws Exception {
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance(options())) {
      WorkflowClient client = start(env);
      Worker worker = env.getWorkerFactory().getWorker("voice");
      CallSessionWorkflowTest.answer(
          client, worker, CallSessionFlowTest.call("CA100", CallSessionFlowTest.SUPPORT));
      CallSessionWorkflow session = session(client);
      session.callStatusChanged(new CallStatusEvent("CA100", "in-progress", null, 2));
      session.nextInstruction(CallSessionFlowTest.action("CA100", "main", ""));
      env.sleep(java.time.Duration.ofHours(3));
      session.nextInstruction(CallSessionFlowTest.action("CA100", "main", ""));
      env.sleep(java.time.Duration.ofHours(8));
      WorkflowStub.fromTyped(session).getResult(CallState.class);
      write(
          "flow-menu-v9-idle-deadline.json",
          client.fetchHistory(CallWorkflowIds.call("CA100")).toJson(true));
    }
  }

  /** Since agents: consent, a decision, a queue with two wait turns and an agent in the history. */
  @Test
  void recordFlowRoutingThroughQueueToAgent() throws Exception {
    record(
        "flow-routing-v4-decide-queue-agent.json", CallSessionHistoryRecorder::queueTwiceThenAgent);
  }

  /** Consent, a decision, two wait turns in the sales queue, then an agent and the call's end. */
  private static void queueTwiceThenAgent(WorkflowClient client, Worker worker) {
    CallSessionWorkflowTest.answer(
        client, worker, CallSessionFlowTest.call("CA100", CallSessionRoutingTest.CONTACT));
    CallSessionWorkflow session = session(client);
    session.nextInstruction(CallSessionFlowTest.action("CA100", "consent", "1"));
    session.nextInstruction(queue("sales.wait", "QueueTime", "5"));
    session.nextInstruction(queue("sales.wait", "QueueTime", "15"));
    session.nextInstruction(queue("sales", "QueueResult", "leave"));
    session.nextInstruction(queue("sales", "DialCallStatus", "completed"));
    session.callStatusChanged(new CallStatusEvent("CA100", "completed", 90, 8));
  }

  /** Since the line's position (line-position): the hold says our line's place, not Twilio's. */
  @Test
  void recordFlowRoutingWithTheLinesPosition() throws Exception {
    record("flow-routing-v8-line-position.json", CallSessionHistoryRecorder::queueTwiceThenAgent);
  }

  /**
   * Since continue-as-new: the first run of a long session, which ends by continuing as new, and
   * the run that goes on from its snapshot.
   */
  @Test
  void recordFlowRoutingContinuedAsNew() throws Exception {
    String[] firstRun = new String[1];
    record(
        "flow-continued-as-new-v5-second-run.json",
        (client, worker) -> {
          CallSessionInput input =
              new CallSessionInput(
                  "CA100",
                  "AC1",
                  "+15551230001",
                  "+15559870002",
                  "inbound",
                  1L,
                  CallSessionContinueAsNewTest.LOOP,
                  30,
                  null);
          CallSessionWorkflowTest.answer(client, worker, input);
          CallSessionWorkflow session = session(client);
          firstRun[0] = WorkflowStub.fromTyped(session).describe().getExecution().getRunId();
          for (int turn = 0; turn < 8; turn++) {
            session.nextInstruction(CallSessionFlowTest.action("CA100", "main", "1"));
          }
          session.nextInstruction(CallSessionFlowTest.action("CA100", "main", "2"));
          session.callStatusChanged(new CallStatusEvent("CA100", "completed", 90, 8));
          String json =
              client.fetchHistory(CallWorkflowIds.call("CA100"), firstRun[0]).toJson(true);
          write("flow-continued-as-new-v5-first-run.json", json);
        });
  }

  /** Since transfers into flows: a call in a menu moved to another flow by live-call control. */
  @Test
  void recordFlowTransfer() throws Exception {
    record(
        "flow-transfer-v6.json",
        (client, worker) -> {
          CallSessionWorkflowTest.answer(
              client, worker, CallSessionFlowTest.call("CA100", CallSessionContinueAsNewTest.LOOP));
          CallSessionWorkflow session = session(client);
          session.nextInstruction(CallSessionFlowTest.action("CA100", "main", "1"));
          session.transferToFlow(
              new FlowTransfer(
                  "CA100", CallSessionTransferTest.SURVEY, java.util.Map.of("CallSid", "CA100")));
          session.nextInstruction(CallSessionFlowTest.action("CA100", "rate", "4"));
          session.callStatusChanged(new CallStatusEvent("CA100", "completed", 60, 5));
        });
  }

  /**
   * Since queued callbacks: the offer, the caller pressing its digit and hanging up, the version
   * marker, the agent found after the hang-up, the child outbound call and its outcome.
   */
  @Test
  void recordQueuedCallbackCalledBack() throws Exception {
    record(
        "flow-callback-v6-queued-callback.json",
        (client, worker) -> {
          CallSessionWorkflowTest.answer(
              client, worker, CallSessionFlowTest.call("CA100", CallSessionCallbackTest.FLOW));
          CallSessionWorkflow session = session(client);
          session.nextInstruction(queue("q.wait", "QueueTime", "5"));
          session.nextInstruction(CallSessionFlowTest.action("CA100", "q.callback", "1"));
          session.nextInstruction(queue("q", "QueueResult", "leave"));
          session.callStatusChanged(new CallStatusEvent("CA100", "completed", 90, 8));
        });
  }

  /**
   * Since the callback's agent outcome: machine detection on the call back, the agent's Dial
   * reporting no-answer (an Update of the child), the caller keeping their place, a second round
   * with another outbound call that reaches them. Also writes the first child's history, with its
   * Update, for {@code OutboundCallReplayTest}.
   */
  @Test
  void recordQueuedCallbackAgentMissed() throws Exception {
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance(options())) {
      WorkflowClient client = start(env);
      Worker worker = env.getWorkerFactory().getWorker("voice");
      CallSessionWorkflowTest.answer(
          client, worker, CallSessionFlowTest.call("CA100", CallSessionCallbackTest.FLOW));
      CallSessionWorkflow session = session(client);
      session.nextInstruction(queue("q.wait", "QueueTime", "5"));
      session.nextInstruction(CallSessionFlowTest.action("CA100", "q.callback", "1"));
      session.nextInstruction(queue("q", "QueueResult", "leave"));
      session.callStatusChanged(new CallStatusEvent("CA100", "completed", 90, 8));
      String firstKey = "outbound-call:callback-CA100";
      io.switchboard.voice.outbound.OutboundCallWorkflow first =
          client.newWorkflowStub(
              io.switchboard.voice.outbound.OutboundCallWorkflow.class, firstKey);
      while (!childPlaced(client, firstKey)) {
        env.sleep(java.time.Duration.ofSeconds(5));
      }
      first.callStatusChanged(new CallStatusEvent("CA200", "in-progress", 0, 1, "human"));
      first.dialEnded(new io.switchboard.voice.outbound.DialOutcome("CA200", "no-answer"));
      first.callStatusChanged(new CallStatusEvent("CA200", "completed", 25, 2, "human"));
      CallState done = WorkflowStub.fromTyped(session).getResult(CallState.class);
      if (!"answered".equals(done.variables().get("callback"))) {
        throw new IllegalStateException("the second round did not answer: " + done.variables());
      }
      write(
          "flow-callback-v7-agent-missed.json",
          client.fetchHistory(CallWorkflowIds.call("CA100")).toJson(true));
      RecordedHistories.writeNew(
          java.nio.file.Path.of("src/test/resources/histories/outbound")
              .resolve("callback-agent-missed-v5.json"),
          client.fetchHistory(firstKey).toJson(true));
    }
  }

  private static boolean childPlaced(WorkflowClient client, String workflowId) {
    try {
      return client
              .newWorkflowStub(io.switchboard.voice.outbound.OutboundCallWorkflow.class, workflowId)
              .getState()
              .callSid()
          != null;
    } catch (io.temporal.client.WorkflowException | io.grpc.StatusRuntimeException e) {
      return false;
    }
  }

  private static VoiceTurn queue(String step, String name, String value) {
    return new VoiceTurn(
        "CA100",
        VoiceTurn.TurnKind.ACTION,
        java.util.Map.of("CallSid", "CA100", "QueuePosition", "1", name, value),
        step);
  }

  private static void write(String name, String json) {
    RecordedHistories.writeNew(CallSessionReplayTest.HISTORIES.resolve(name), json);
  }

  /** Scripted flow activities: sales for every decision, an agent on the second reservation. */
  static final class RecordedFlowActivities implements FlowActivities {
    private int reservations;

    @Override
    public String decide(io.switchboard.voice.flow.DecisionRequest request) {
      return "sales";
    }

    @Override
    public io.switchboard.voice.flow.Agent reserveAgent(
        io.switchboard.voice.flow.AgentRequest request) {
      return ++reservations < 3
          ? null
          : new io.switchboard.voice.flow.Agent("alice", "client:alice", 5);
    }

    /** Two callers ahead while no agent is free. */
    @Override
    public io.switchboard.voice.flow.LinePlace reserveAgentInLine(
        io.switchboard.voice.flow.AgentRequest request) {
      io.switchboard.voice.flow.Agent agent = reserveAgent(request);
      return new io.switchboard.voice.flow.LinePlace(agent, agent == null ? 2 : null);
    }

    @Override
    public void recordConsent(io.switchboard.voice.flow.ConsentRecord consent) {}

    @Override
    public void releaseAgent(io.switchboard.voice.flow.AgentRelease release) {}
  }

  /** A callback call that Twilio reports completed when the workflow asks. */
  static final class RecordedOutboundActivities
      implements io.switchboard.voice.outbound.OutboundCallActivities {
    @Override
    public void recordAccepted(io.switchboard.voice.outbound.OutboundCallRequest request) {}

    @Override
    public long requestTurn(TurnRequest request) {
      return 0;
    }

    @Override
    public PlacedCall place(PlaceRequest request) {
      return new PlacedCall("CA200", "queued", null);
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

  /** Records nothing: the history shows the writes, which is what replay needs. */
  static final class RecordedVoiceActivities implements VoiceActivities {
    @Override
    public void recordCall(CallRecordRequest request) {}

    @Override
    public void recordCallEvent(CallEventRequest request) {}
  }

  interface Scenario {
    void run(WorkflowClient client, Worker worker);
  }

  private static void record(String name, Scenario scenario) throws Exception {
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance(options())) {
      WorkflowClient client = start(env);
      scenario.run(client, env.getWorkerFactory().getWorker("voice"));
      WorkflowStub.fromTyped(session(client)).getResult(CallState.class);
      String json = client.fetchHistory(CallWorkflowIds.call("CA100")).toJson(true);
      write(name, json);
    }
  }

  /** A fixed start time inside the support flow's opening hours, so that recordings are stable. */
  private static TestEnvironmentOptions options() {
    return TestEnvironmentOptions.newBuilder()
        .setInitialTime(CallSessionFlowTest.FRIDAY_LUNCH.plus(java.time.Duration.ofHours(1)))
        .build();
  }

  private static WorkflowClient start(TestWorkflowEnvironment env) {
    for (String attribute : List.of("CallSid", "Channel", "CommStatus", "FlowName")) {
      env.registerSearchAttribute(attribute, IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);
    }
    Worker worker = env.newWorker("voice");
    worker.registerWorkflowImplementationTypes(
        CallSessionWorkflowImpl.class,
        io.switchboard.voice.outbound.OutboundCallWorkflowImpl.class);
    worker.registerActivitiesImplementations(
        new RecordedVoiceActivities(),
        new RecordedFlowActivities(),
        new RecordedOutboundActivities());
    env.start();
    return env.getWorkflowClient();
  }

  private static CallSessionWorkflow session(WorkflowClient client) {
    return client.newWorkflowStub(CallSessionWorkflow.class, CallWorkflowIds.call("CA100"));
  }
}

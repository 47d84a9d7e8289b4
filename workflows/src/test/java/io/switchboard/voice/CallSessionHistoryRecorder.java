package io.switchboard.voice;

import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.nio.file.Files;
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

  interface Scenario {
    void run(WorkflowClient client, Worker worker);
  }

  private static void record(String name, Scenario scenario) throws Exception {
    // A fixed start time inside the support flow's opening hours, so that the recording is stable.
    TestEnvironmentOptions options =
        TestEnvironmentOptions.newBuilder()
            .setInitialTime(CallSessionFlowTest.FRIDAY_LUNCH.plus(java.time.Duration.ofHours(1)))
            .build();
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance(options)) {
      for (String attribute : List.of("CallSid", "Channel", "CommStatus", "FlowName")) {
        env.registerSearchAttribute(attribute, IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);
      }
      Worker worker = env.newWorker("voice");
      worker.registerWorkflowImplementationTypes(CallSessionWorkflowImpl.class);
      worker.registerActivitiesImplementations((VoiceActivities) request -> {});
      env.start();
      WorkflowClient client = env.getWorkflowClient();
      scenario.run(client, worker);
      WorkflowStub.fromTyped(session(client)).getResult(CallState.class);
      String json = client.fetchHistory(CallWorkflowIds.call("CA100")).toJson(true);
      Files.writeString(CallSessionReplayTest.HISTORIES.resolve(name), json);
    }
  }

  private static CallSessionWorkflow session(WorkflowClient client) {
    return client.newWorkflowStub(CallSessionWorkflow.class, CallWorkflowIds.call("CA100"));
  }
}

package io.switchboard.recording;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import io.switchboard.common.RecordedHistories;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Records the histories that {@link RecordingPipelineReplayTest} replays. Run it on purpose, when a
 * workflow change is released, with {@code -Dswitchboard.recordHistories=true}.
 */
@EnabledIfSystemProperty(named = "switchboard.recordHistories", matches = "true")
class RecordingPipelineHistoryRecorder {

  interface Scenario {
    void run(TestWorkflowEnvironment env, RecordingPipelineWorkflow pipeline);
  }

  @Test
  void recordTranscribedByTwilio() throws Exception {
    record(
        "transcribed-by-twilio-v1.json",
        true,
        (env, pipeline) -> {
          pipeline.transcriptionCompleted(
              new TranscriptionEvent(
                  RecordingPipelineWorkflowTest.RECORDING_SID, "TR1", "completed"));
          env.sleep(Duration.ofDays(8));
        });
  }

  @Test
  void recordTranscriptionTimeout() throws Exception {
    record("transcription-timeout-v1.json", true, (env, pipeline) -> env.sleep(Duration.ofDays(8)));
  }

  @Test
  void recordNoConsent() throws Exception {
    record("no-consent-v1.json", false, (env, pipeline) -> {});
  }

  private static void record(String name, boolean consent, Scenario scenario) throws Exception {
    RecordingActivities activities =
        mock(RecordingActivities.class, withSettings().withoutAnnotations());
    when(activities.hasConsent(any())).thenReturn(consent);
    when(activities.store(any())).thenReturn(RecordingPipelineWorkflowTest.stored());
    when(activities.transcribeFallback(any())).thenReturn(TranscriptOutcome.UNTRANSCRIBED);
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      Worker worker = env.newWorker("recording");
      worker.registerWorkflowImplementationTypes(RecordingPipelineWorkflowImpl.class);
      worker.registerActivitiesImplementations(activities);
      env.start();
      WorkflowClient client = env.getWorkflowClient();
      RecordingPipelineWorkflow pipeline = RecordingPipelineWorkflowTest.start(client, worker);
      scenario.run(env, pipeline);
      WorkflowStub.fromTyped(pipeline).getResult(RecordingOutcome.class);
      String id = RecordingWorkflowIds.recording(RecordingPipelineWorkflowTest.RECORDING_SID);
      RecordedHistories.writeNew(
          RecordingPipelineReplayTest.HISTORIES.resolve(name),
          client.fetchHistory(id).toJson(true));
    }
  }
}

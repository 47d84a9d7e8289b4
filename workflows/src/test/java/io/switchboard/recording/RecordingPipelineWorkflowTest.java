package io.switchboard.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import io.switchboard.recording.RecordingActivities.DeleteRequest;
import io.switchboard.recording.RecordingActivities.FallbackRequest;
import io.switchboard.recording.RecordingActivities.StoredRecording;
import io.switchboard.recording.RecordingActivities.TranscriptRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.InOrder;

class RecordingPipelineWorkflowTest {

  @RegisterExtension
  static final TestWorkflowExtension temporal =
      TestWorkflowExtension.newBuilder()
          .registerWorkflowImplementationTypes(RecordingPipelineWorkflowImpl.class)
          .setDoNotStart(true)
          .build();

  static final String RECORDING_SID = "RE00000000000000000000000000000001";
  static final String CALL_SID = "CA00000000000000000000000000000001";
  static final String MEDIA_URL =
      "https://api.twilio.com/2010-04-01/Accounts/AC1/Recordings/" + RECORDING_SID;
  static final long RETENTION = Duration.ofDays(7).toSeconds();
  static final long TRANSCRIPTION_TIMEOUT = Duration.ofMinutes(10).toSeconds();

  private final RecordingActivities activities =
      mock(RecordingActivities.class, withSettings().withoutAnnotations());

  static RecordingInput input() {
    return new RecordingInput(RECORDING_SID, CALL_SID, RETENTION, TRANSCRIPTION_TIMEOUT);
  }

  static RecordingStatusEvent completed() {
    return new RecordingStatusEvent(RECORDING_SID, CALL_SID, "completed", MEDIA_URL, 3);
  }

  static StoredRecording stored() {
    return new StoredRecording(RECORDING_SID, "r1", 48_044, "ab".repeat(32));
  }

  @Test
  void storesTranscribesThenDeletesTwilioCopyOnlyAfterRetention(
      TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    consentAndStore();
    worker.registerActivitiesImplementations(activities);
    env.start();

    RecordingPipelineWorkflow pipeline = start(client, worker);
    pipeline.transcriptionCompleted(new TranscriptionEvent(RECORDING_SID, "TR1", "completed"));
    env.sleep(Duration.ofDays(6));
    verify(activities, never()).deleteAtTwilio(any());
    env.sleep(Duration.ofDays(2));

    assertThat(result(pipeline)).isEqualTo(RecordingOutcome.COMPLETED);
    InOrder order = inOrder(activities);
    order.verify(activities).store(any());
    order.verify(activities).saveTwilioTranscript(new TranscriptRequest(RECORDING_SID, "TR1"));
    order.verify(activities).deleteAtTwilio(new DeleteRequest(RECORDING_SID, "retention"));
    verify(activities).emitReady(any());
    verify(activities, never()).transcribeFallback(any());
  }

  @Test
  void transcriptionTimeoutTakesTheFallback(
      TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    consentAndStore();
    when(activities.transcribeFallback(any())).thenReturn(TranscriptOutcome.UNTRANSCRIBED);
    worker.registerActivitiesImplementations(activities);
    env.start();

    RecordingPipelineWorkflow pipeline = start(client, worker);
    env.sleep(Duration.ofDays(8));

    assertThat(result(pipeline)).isEqualTo(RecordingOutcome.COMPLETED);
    verify(activities).transcribeFallback(new FallbackRequest(RECORDING_SID, "timeout"));
    verify(activities, never()).saveTwilioTranscript(any());
  }

  @Test
  void withoutConsentTheRecordingIsDeletedAtTwilioAndNeverStored(
      TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    when(activities.hasConsent(any())).thenReturn(false);
    worker.registerActivitiesImplementations(activities);
    env.start();

    RecordingPipelineWorkflow pipeline = start(client, worker);

    assertThat(result(pipeline)).isEqualTo(RecordingOutcome.REFUSED_NO_CONSENT);
    verify(activities).deleteAtTwilio(new DeleteRequest(RECORDING_SID, "no-consent"));
    verify(activities, never()).store(any());
  }

  @Test
  void refusedMediaHostFailsTheWorkflowAtOnceWithoutRetries(
      TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    when(activities.hasConsent(any())).thenReturn(true);
    when(activities.store(any()))
        .thenThrow(
            ApplicationFailure.newNonRetryableFailure(
                "RecordingUrl refused", RecordingFailureType.MEDIA_HOST_REFUSED.name()));
    worker.registerActivitiesImplementations(activities);
    env.start();

    RecordingPipelineWorkflow pipeline = start(client, worker);

    assertThatThrownBy(() -> result(pipeline)).isInstanceOf(WorkflowFailedException.class);
    verify(activities).store(any());
    verify(activities, never()).deleteAtTwilio(any());
  }

  @Test
  void erasureCutsTheRetentionShort(
      TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    consentAndStore();
    when(activities.transcribeFallback(any())).thenReturn(TranscriptOutcome.UNTRANSCRIBED);
    worker.registerActivitiesImplementations(activities);
    env.start();

    RecordingPipelineWorkflow pipeline = start(client, worker);
    env.sleep(Duration.ofHours(1));
    pipeline.erasureRequested();

    assertThat(result(pipeline)).isEqualTo(RecordingOutcome.COMPLETED);
    verify(activities).deleteAtTwilio(new DeleteRequest(RECORDING_SID, "retention"));
  }

  @Test
  void inProgressAndDuplicateCallbacksChangeNothing(
      TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    consentAndStore();
    when(activities.transcribeFallback(any())).thenReturn(TranscriptOutcome.UNTRANSCRIBED);
    worker.registerActivitiesImplementations(activities);
    env.start();

    RecordingPipelineWorkflow pipeline =
        client.newWorkflowStub(RecordingPipelineWorkflow.class, options(worker));
    WorkflowClient.start(pipeline::process, input());
    pipeline.recordingStatusChanged(
        new RecordingStatusEvent(RECORDING_SID, CALL_SID, "in-progress", MEDIA_URL, null));
    pipeline.recordingStatusChanged(completed());
    pipeline.recordingStatusChanged(completed());
    env.sleep(Duration.ofDays(8));

    assertThat(result(pipeline)).isEqualTo(RecordingOutcome.COMPLETED);
    verify(activities).store(any());
  }

  private void consentAndStore() {
    when(activities.hasConsent(any())).thenReturn(true);
    when(activities.store(any())).thenReturn(stored());
  }

  static WorkflowOptions options(Worker worker) {
    return WorkflowOptions.newBuilder()
        .setWorkflowId(RecordingWorkflowIds.recording(RECORDING_SID))
        .setTaskQueue(worker.getTaskQueue())
        .build();
  }

  /** As the ingress does it: the completed callback signal-with-starts the pipeline. */
  static RecordingPipelineWorkflow start(WorkflowClient client, Worker worker) {
    RecordingPipelineWorkflow pipeline =
        client.newWorkflowStub(RecordingPipelineWorkflow.class, options(worker));
    io.temporal.client.BatchRequest request = client.newSignalWithStartRequest();
    request.add(pipeline::process, input());
    request.add(pipeline::recordingStatusChanged, completed());
    client.signalWithStart(request);
    return pipeline;
  }

  private static RecordingOutcome result(RecordingPipelineWorkflow pipeline) {
    return WorkflowStub.fromTyped(pipeline).getResult(RecordingOutcome.class);
  }
}

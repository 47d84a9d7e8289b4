package io.switchboard.recording;

import io.switchboard.common.TwilioFailureType;
import io.switchboard.recording.RecordingActivities.ConsentQuery;
import io.switchboard.recording.RecordingActivities.DeleteRequest;
import io.switchboard.recording.RecordingActivities.FallbackRequest;
import io.switchboard.recording.RecordingActivities.ReadyEvent;
import io.switchboard.recording.RecordingActivities.StoreRequest;
import io.switchboard.recording.RecordingActivities.StoredRecording;
import io.switchboard.recording.RecordingActivities.TranscriptRequest;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;

/**
 * The pipeline of one recording: consent, download, encrypt and store, transcript, the "recording
 * ready" event, then Twilio's copy deleted after the retention delay. Only references travel
 * through the history; the media goes from Twilio to the store inside one activity.
 */
public class RecordingPipelineWorkflowImpl implements RecordingPipelineWorkflow {

  /** Twilio reports a recording completed within minutes of the call; a day later it never will. */
  static final Duration WAIT_FOR_COMPLETED = Duration.ofDays(1);

  private static final Logger log = Workflow.getLogger(RecordingPipelineWorkflowImpl.class);

  /** Database reads and writes, Twilio deletes and fetches: safe to repeat until they succeed. */
  private final ActivityOptions defaultOptions =
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofSeconds(30))
          .setRetryOptions(
              RetryOptions.newBuilder()
                  .setInitialInterval(Duration.ofSeconds(1))
                  .setBackoffCoefficient(2.0)
                  .setMaximumInterval(Duration.ofMinutes(5))
                  .setDoNotRetry(
                      TwilioFailureType.TWILIO_REJECTED.name(),
                      RecordingFailureType.MEDIA_HOST_REFUSED.name(),
                      RecordingFailureType.MEDIA_INTEGRITY.name())
                  .build())
          .build();

  /**
   * A download of a long call may take minutes; a heartbeat-free attempt is bounded by its timeout
   * and retried, and a refused host or a failed verification is final.
   */
  private final ActivityOptions storeOptions =
      ActivityOptions.newBuilder(defaultOptions)
          .setStartToCloseTimeout(Duration.ofMinutes(10))
          .setRetryOptions(
              RetryOptions.newBuilder(defaultOptions.getRetryOptions())
                  .setMaximumAttempts(10)
                  .build())
          .build();

  /** The receiver may be down for a while; the event is retried for about a day, then fails. */
  private final ActivityOptions eventOptions =
      ActivityOptions.newBuilder(defaultOptions)
          .setStartToCloseTimeout(Duration.ofSeconds(15))
          .setRetryOptions(
              RetryOptions.newBuilder(defaultOptions.getRetryOptions())
                  .setMaximumInterval(Duration.ofMinutes(10))
                  .setMaximumAttempts(150)
                  .build())
          .build();

  private final RecordingActivities activities =
      Workflow.newActivityStub(
          RecordingActivities.class,
          defaultOptions,
          Map.of("Store", storeOptions, "EmitReady", eventOptions));

  private RecordingStatusEvent recording;
  private TranscriptionEvent transcription;
  private RecordingOutcome state = RecordingOutcome.WAITING;
  private boolean erased;

  @Override
  public RecordingOutcome process(RecordingInput input) {
    if (!Workflow.await(WAIT_FOR_COMPLETED, () -> recording != null)) {
      return finish(RecordingOutcome.FAILED_AT_TWILIO);
    }
    if (recording.failed()) {
      return finish(RecordingOutcome.FAILED_AT_TWILIO);
    }
    if (!activities.hasConsent(new ConsentQuery(input.callSid()))) {
      // Without consent the recording must not exist anywhere: not here, not at Twilio.
      activities.deleteAtTwilio(new DeleteRequest(input.recordingSid(), "no-consent"));
      return finish(RecordingOutcome.REFUSED_NO_CONSENT);
    }
    StoredRecording stored =
        activities.store(
            new StoreRequest(
                input.recordingSid(),
                input.callSid(),
                recording.mediaUrl(),
                recording.durationSeconds()));
    state = RecordingOutcome.STORED;
    TranscriptOutcome transcript = transcribe(stored, input.transcriptionTimeoutSeconds());
    // The event and the retention timer run side by side: a receiver that is down must not keep
    // Twilio's copy beyond the retention delay.
    Promise<Void> ready =
        Async.procedure(
            activities::emitReady,
            new ReadyEvent(
                stored.recordingId(),
                input.recordingSid(),
                input.callSid(),
                transcript,
                Workflow.randomUUID().toString()));
    Workflow.await(Duration.ofSeconds(Math.max(0, input.retentionSeconds())), () -> erased);
    activities.deleteAtTwilio(new DeleteRequest(input.recordingSid(), "retention"));
    ready.get(); // Exhausted retries fail the workflow: visible, and retryable by operators.
    return finish(RecordingOutcome.COMPLETED);
  }

  /** Waits for Twilio's transcription; on timeout or failure takes the configured fallback. */
  private TranscriptOutcome transcribe(StoredRecording stored, long timeoutSeconds) {
    boolean arrived =
        Workflow.await(
            Duration.ofSeconds(Math.max(1, timeoutSeconds)), () -> transcription != null);
    if (arrived && transcription.completed()) {
      try {
        activities.saveTwilioTranscript(
            new TranscriptRequest(stored.recordingId(), transcription.transcriptionSid()));
        return TranscriptOutcome.TWILIO;
      } catch (ActivityFailure failure) {
        log.warn("Twilio's transcription could not be stored; taking the fallback");
      }
    }
    String reason = arrived ? "failed" : "timeout";
    return activities.transcribeFallback(new FallbackRequest(stored.recordingId(), reason));
  }

  @Override
  public void recordingStatusChanged(RecordingStatusEvent event) {
    // Only a final status matters; duplicates and in-progress callbacks change nothing.
    if (recording == null && event != null && (event.completed() || event.failed())) {
      recording = event;
    }
  }

  @Override
  public void transcriptionCompleted(TranscriptionEvent event) {
    if (transcription == null && event != null) {
      transcription = event;
    }
  }

  @Override
  public void erasureRequested() {
    erased = true;
  }

  @Override
  public RecordingOutcome getState() {
    return state;
  }

  private RecordingOutcome finish(RecordingOutcome outcome) {
    state = outcome;
    Workflow.await(Workflow::isEveryHandlerFinished);
    return outcome;
  }
}

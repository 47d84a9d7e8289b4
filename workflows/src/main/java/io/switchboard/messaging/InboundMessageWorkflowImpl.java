package io.switchboard.messaging;

import io.switchboard.common.TwilioFailureType;
import io.switchboard.messaging.InboundMessageActivities.ForwardRequest;
import io.switchboard.messaging.InboundMessageActivities.MediaFailure;
import io.switchboard.messaging.InboundMessageActivities.MediaRequest;
import io.switchboard.messaging.InboundMessageActivities.StoredMedia;
import io.switchboard.recording.RecordingFailureType;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;

/**
 * Stores an inbound message's media, then forwards the message. Each medium is fetched by its own
 * activity, so that one refused or broken medium neither blocks nor repeats the others; the message
 * is forwarded whatever became of its media (the event says), because its text matters without its
 * pictures. Only references travel through the history.
 */
public class InboundMessageWorkflowImpl implements InboundMessageWorkflow {

  private static final Logger log = Workflow.getLogger(InboundMessageWorkflowImpl.class);

  /** Database writes and Twilio deletes: safe to repeat until they succeed. */
  private final ActivityOptions defaultOptions =
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofSeconds(30))
          .setRetryOptions(
              RetryOptions.newBuilder()
                  .setInitialInterval(Duration.ofSeconds(1))
                  .setBackoffCoefficient(2.0)
                  .setMaximumInterval(Duration.ofMinutes(5))
                  .setMaximumAttempts(10)
                  .setDoNotRetry(TwilioFailureType.TWILIO_REJECTED.name())
                  .build())
          .build();

  /**
   * Twilio keeps at most 5 MB of media per message, so an attempt is short; a medium Twilio does
   * not serve yet is asked for again, and one that fails verification is final.
   */
  private final ActivityOptions storeOptions =
      ActivityOptions.newBuilder(defaultOptions)
          .setStartToCloseTimeout(Duration.ofMinutes(2))
          .setRetryOptions(
              RetryOptions.newBuilder(defaultOptions.getRetryOptions())
                  .setMaximumAttempts(8)
                  .setDoNotRetry(
                      TwilioFailureType.TWILIO_REJECTED.name(),
                      RecordingFailureType.MEDIA_INTEGRITY.name())
                  .build())
          .build();

  /**
   * The integration endpoint may be down for a while: the message is offered for about a day (as
   * the recording-ready event), then the workflow fails, visible and retryable by operators.
   */
  private final ActivityOptions forwardOptions =
      ActivityOptions.newBuilder(defaultOptions)
          .setStartToCloseTimeout(Duration.ofSeconds(15))
          .setRetryOptions(
              RetryOptions.newBuilder()
                  .setInitialInterval(Duration.ofSeconds(1))
                  .setBackoffCoefficient(2.0)
                  .setMaximumInterval(Duration.ofMinutes(10))
                  .setMaximumAttempts(150)
                  .build())
          .build();

  private final InboundMessageActivities activities =
      Workflow.newActivityStub(
          InboundMessageActivities.class,
          defaultOptions,
          Map.of("InboundStoreMedia", storeOptions, "InboundForward", forwardOptions));

  @Override
  public InboundMessageOutcome receive(InboundMessageInput input) {
    String sid = input.messageSid();
    int refused = 0;
    int failed = 0;
    List<InboundMedia> stored = new ArrayList<>();
    for (InboundMedia media : input.media()) {
      try {
        StoredMedia result = activities.storeMedia(new MediaRequest(sid, media));
        if (result.state() == InboundMediaState.STORED) {
          stored.add(media);
        } else {
          refused++;
        }
      } catch (ActivityFailure failure) {
        failed++;
        activities.markMediaFailed(new MediaFailure(sid, media.index(), reason(failure)));
      }
    }
    // Our copies are complete before the integration hears of the message, so its media links
    // work from the first delivery; Twilio's copies go meanwhile.
    Promise<InboundMessageOutcome.Forwarding> forwarded =
        Async.function(activities::forward, new ForwardRequest(sid, sid));
    if (input.deleteMediaAtTwilio()) {
      for (InboundMedia media : stored) {
        try {
          activities.deleteMediaAtTwilio(new MediaRequest(sid, media));
        } catch (ActivityFailure failure) {
          // Our copy is safe; Twilio's stays until someone deletes it, which is no reason to fail.
          log.warn("media {} of {} not deleted at Twilio: {}", media.index(), sid, reason(failure));
        }
      }
    }
    return new InboundMessageOutcome(stored.size(), refused, failed, forwarded.get());
  }

  private static String reason(ActivityFailure failure) {
    Throwable cause = failure.getCause();
    if (cause instanceof ApplicationFailure application) {
      return application.getType() + ": " + application.getOriginalMessage();
    }
    return cause == null ? failure.getMessage() : cause.getClass().getSimpleName();
  }
}

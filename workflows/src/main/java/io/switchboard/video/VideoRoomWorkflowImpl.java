package io.switchboard.video;

import io.switchboard.common.TwilioFailureType;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/** One room creation, with a short bounded retry: a person waits for the answer. */
public class VideoRoomWorkflowImpl implements VideoRoomWorkflow {

  private final VideoActivities activities =
      Workflow.newActivityStub(
          VideoActivities.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofSeconds(10))
              .setRetryOptions(
                  RetryOptions.newBuilder()
                      .setInitialInterval(Duration.ofMillis(500))
                      .setBackoffCoefficient(2.0)
                      .setMaximumAttempts(4)
                      .setDoNotRetry(TwilioFailureType.TWILIO_REJECTED.name())
                      .build())
              .build());

  @Override
  public RoomInfo create(RoomRequest request) {
    return activities.createRoom(request);
  }
}

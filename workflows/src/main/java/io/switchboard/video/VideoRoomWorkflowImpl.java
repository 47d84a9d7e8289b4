package io.switchboard.video;

import static io.switchboard.common.SwitchboardSearchAttributes.CHANNEL;
import static io.switchboard.common.SwitchboardSearchAttributes.COMM_STATUS;

import io.switchboard.common.TwilioFailureType;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/** One room creation, with a short bounded retry: a person waits for the answer. */
public class VideoRoomWorkflowImpl implements VideoRoomWorkflow {

  /**
   * Creations from before search attributes replay without the upserts they never made; from this
   * version on, the channel and the room's status are published.
   */
  static final String SEARCH_ATTRIBUTES_CHANGE = "search-attributes";

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
    boolean publish =
        Workflow.getVersion(SEARCH_ATTRIBUTES_CHANGE, Workflow.DEFAULT_VERSION, 1) >= 1;
    if (publish) {
      Workflow.upsertTypedSearchAttributes(CHANNEL.valueSet("video"));
    }
    RoomInfo room = activities.createRoom(request);
    if (publish && room.status() != null) {
      Workflow.upsertTypedSearchAttributes(COMM_STATUS.valueSet(room.status()));
    }
    return room;
  }
}

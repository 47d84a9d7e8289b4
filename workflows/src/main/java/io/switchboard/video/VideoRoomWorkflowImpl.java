package io.switchboard.video;

import static io.switchboard.common.SwitchboardSearchAttributes.CHANNEL;
import static io.switchboard.common.SwitchboardSearchAttributes.COMM_STATUS;

import io.switchboard.common.TwilioFailureType;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;

/**
 * A room's life. Creation and completion have a short bounded retry: a person waits for the answer.
 * Status callbacks arrive as signals, possibly before the creation's answer (Twilio sends
 * room-created at once), so the end of a room not yet known is remembered until it is.
 */
public class VideoRoomWorkflowImpl implements VideoRoomWorkflow {

  /**
   * Creations from before search attributes replay without the upserts they never made; from this
   * version on, the channel and the room's status are published.
   */
  static final String SEARCH_ATTRIBUTES_CHANGE = "search-attributes";

  /** Rooms from before v1 were only created; from v1 on, the workflow lives as long as its room. */
  static final String ROOM_LIFE_CHANGE = "room-life";

  /** Twilio ends any room after 24 hours; a room whose end we never heard of ends here then. */
  static final Duration LONGEST_ROOM = Duration.ofHours(24);

  private static final Logger log = Workflow.getLogger(VideoRoomWorkflowImpl.class);

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

  private final Set<String> endedRooms = new HashSet<>();
  private RoomInfo room;
  private ActivityFailure refusal;
  private boolean ended;
  private boolean publish;

  @Override
  public RoomInfo create(RoomRequest request) {
    publish = Workflow.getVersion(SEARCH_ATTRIBUTES_CHANGE, Workflow.DEFAULT_VERSION, 1) >= 1;
    if (publish) {
      Workflow.upsertTypedSearchAttributes(CHANNEL.valueSet("video"));
    }
    if (Workflow.getVersion(ROOM_LIFE_CHANGE, Workflow.DEFAULT_VERSION, 1) < 1) {
      RoomInfo created = activities.createRoom(request);
      publishStatus(created);
      return created;
    }
    try {
      room = activities.createRoom(request);
      publishStatus(room);
    } catch (ActivityFailure failure) {
      refusal = failure;
      Workflow.await(Workflow::isEveryHandlerFinished);
      throw failure;
    }
    ended = endedRooms.contains(room.roomSid());
    Duration life =
        request.maxDurationSeconds() == null
            ? LONGEST_ROOM
            : Duration.ofSeconds(request.maxDurationSeconds());
    if (!Workflow.await(life, () -> ended)) {
      log.info("room {} reached its maximum duration; completing it", room.roomSid());
      end();
    }
    Workflow.await(Workflow::isEveryHandlerFinished);
    return room;
  }

  @Override
  public RoomInfo created() {
    Workflow.await(() -> room != null || refusal != null);
    if (room == null) {
      throw refusal;
    }
    return room;
  }

  @Override
  public RoomInfo complete() {
    end();
    return room;
  }

  @Override
  public void validateComplete() {
    if (room == null) {
      throw new IllegalStateException("the room is not created yet");
    }
    if (ended) {
      throw new IllegalStateException("the room has ended");
    }
  }

  @Override
  public void roomStatusChanged(RoomEvent event) {
    if (event == null || event.roomSid() == null) {
      return;
    }
    boolean ours = room == null || room.roomSid().equals(event.roomSid());
    if (!ours) {
      return; // A late callback of an earlier room of the same name.
    }
    // Participant events are recorded by the api; only the room's end changes the workflow.
    if ("room-ended".equals(event.event())) {
      endedRooms.add(event.roomSid());
      if (room != null && !ended) {
        ended = true;
        room = new RoomInfo(room.roomSid(), room.uniqueName(), room.type(), "completed");
        publishStatus(room);
      }
    }
  }

  private void end() {
    if (!ended) {
      room = activities.completeRoom(room.roomSid());
      ended = true;
      publishStatus(room);
    }
  }

  private void publishStatus(RoomInfo info) {
    if (publish && info != null && info.status() != null) {
      Workflow.upsertTypedSearchAttributes(COMM_STATUS.valueSet(info.status()));
    }
  }
}

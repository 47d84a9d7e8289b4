package io.switchboard.api.video;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.switchboard.api.web.NotFoundException;
import io.switchboard.config.SwitchboardProperties;
import io.switchboard.video.RoomInfo;
import io.switchboard.video.RoomRequest;
import io.switchboard.video.VideoRoomWorkflow;
import io.switchboard.video.VideoRoomWorkflowIds;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.client.UpdateOptions;
import io.temporal.client.WithStartWorkflowOperation;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.client.WorkflowUpdateStage;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Rooms through their {@link VideoRoomWorkflow} ({@code video-room:{uniqueName}}): the api never
 * calls Twilio itself. Creating starts the workflow and waits for the room in one round trip
 * (update-with-start); completing is an update on the room's workflow.
 */
@Component
class VideoRooms {

  private final WorkflowClient client;
  private final String taskQueue;

  VideoRooms(WorkflowClient client, SwitchboardProperties properties) {
    this.client = client;
    this.taskQueue = properties.taskQueues().voice();
  }

  /** A room's workflow runs while the room is in progress, so its name is taken meanwhile. */
  RoomInfo create(RoomRequest request) {
    VideoRoomWorkflow workflow =
        client.newWorkflowStub(
            VideoRoomWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(VideoRoomWorkflowIds.room(request.uniqueName()))
                .setTaskQueue(taskQueue)
                .setWorkflowIdConflictPolicy(
                    WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_FAIL)
                .build());
    try {
      return WorkflowClient.executeUpdateWithStart(
          workflow::created,
          UpdateOptions.<RoomInfo>newBuilder()
              .setWaitForStage(WorkflowUpdateStage.COMPLETED)
              .build(),
          new WithStartWorkflowOperation<>(workflow::create, request));
    } catch (WorkflowUpdateException e) {
      throw refusal(e).orElseThrow(() -> e);
    } catch (RuntimeException e) {
      if (alreadyStarted(e)) {
        // Twilio's own answer for a unique name in use by a room in progress.
        throw new RoomRefusedException(53113, "Room exists");
      }
      throw e;
    }
  }

  /** Ends the room in progress of that name. */
  RoomInfo complete(String uniqueName) {
    VideoRoomWorkflow workflow =
        client.newWorkflowStub(VideoRoomWorkflow.class, VideoRoomWorkflowIds.room(uniqueName));
    try {
      return workflow.complete();
    } catch (WorkflowNotFoundException e) {
      throw new NotFoundException("No room " + uniqueName + " is in progress.");
    } catch (WorkflowUpdateException e) {
      Optional<RoomRefusedException> refused = refusal(e);
      if (refused.isPresent()) {
        throw refused.get();
      }
      // The validator refused: the room has ended, or is not created yet.
      throw new RoomEndedException(uniqueName);
    }
  }

  /** Twilio's refusal (its code in the failure's details), if that is why the update failed. */
  private static Optional<RoomRefusedException> refusal(WorkflowUpdateException e) {
    if (e.getCause() instanceof ActivityFailure activity
        && activity.getCause() instanceof ApplicationFailure refused
        && refused.getDetails().getSize() > 0) {
      return Optional.of(
          new RoomRefusedException(
              refused.getDetails().get(0, Integer.class, Integer.class),
              refused.getOriginalMessage()));
    }
    return Optional.empty();
  }

  private static boolean alreadyStarted(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof WorkflowExecutionAlreadyStarted
          || (cause instanceof StatusRuntimeException status
              && status.getStatus().getCode() == Status.Code.ALREADY_EXISTS)) {
        return true;
      }
    }
    return false;
  }
}

package io.switchboard.api.video;

import io.switchboard.config.SwitchboardProperties;
import io.switchboard.video.RoomInfo;
import io.switchboard.video.RoomRequest;
import io.switchboard.video.VideoRoomWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.stereotype.Component;

/** Creates rooms through a {@link VideoRoomWorkflow}: the api never calls Twilio itself. */
@Component
class VideoRooms {

  private final WorkflowClient client;
  private final String taskQueue;

  VideoRooms(WorkflowClient client, SwitchboardProperties properties) {
    this.client = client;
    this.taskQueue = properties.taskQueues().voice();
  }

  RoomInfo create(RoomRequest request) {
    VideoRoomWorkflow workflow =
        client.newWorkflowStub(
            VideoRoomWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId("video-room:" + request.uniqueName() + ":" + UUID.randomUUID())
                .setTaskQueue(taskQueue)
                .setWorkflowExecutionTimeout(Duration.ofMinutes(1))
                .build());
    WorkflowClient.start(workflow::create, request);
    try {
      return WorkflowStub.fromTyped(workflow).getResult(15, TimeUnit.SECONDS, RoomInfo.class);
    } catch (TimeoutException e) {
      throw new IllegalStateException("Twilio did not create the room in time", e);
    } catch (WorkflowFailedException e) {
      if (e.getCause() instanceof ActivityFailure activity
          && activity.getCause() instanceof ApplicationFailure refusal
          && refusal.getDetails().getSize() > 0) {
        throw new RoomRefusedException(
            refusal.getDetails().get(0, Integer.class, Integer.class),
            refusal.getOriginalMessage());
      }
      throw e;
    }
  }
}

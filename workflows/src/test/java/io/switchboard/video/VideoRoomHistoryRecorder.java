package io.switchboard.video;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Records the histories that {@link VideoRoomReplayTest} replays. Run it on purpose, when a
 * workflow change is released, with {@code -Dswitchboard.recordHistories=true}; new files are added
 * beside the old ones, which must keep replaying.
 */
@EnabledIfSystemProperty(named = "switchboard.recordHistories", matches = "true")
class VideoRoomHistoryRecorder {

  static final String ROOM_SID = "RM00000000000000000000000000000001";

  /** Before v1 the workflow only created the room. */
  @Test
  void recordCreatedOnly() throws Exception {
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      Worker worker = env.newWorker("voice");
      worker.registerWorkflowImplementationTypes(VideoRoomWorkflowImpl.class);
      worker.registerActivitiesImplementations(new CreatingActivities());
      env.start();
      WorkflowClient client = env.getWorkflowClient();
      VideoRoomWorkflow room =
          client.newWorkflowStub(
              VideoRoomWorkflow.class,
              WorkflowOptions.newBuilder()
                  .setWorkflowId("video-room:standup:1")
                  .setTaskQueue("voice")
                  .build());
      WorkflowClient.start(room::create, new RoomRequest("standup", "group"));
      WorkflowStub.fromTyped(room).getResult(RoomInfo.class);
      Files.writeString(
          VideoRoomReplayTest.HISTORIES.resolve("created-only-v0.json"),
          client.fetchHistory("video-room:standup:1").toJson(true));
    }
  }

  static class CreatingActivities implements VideoActivities {
    @Override
    public RoomInfo createRoom(RoomRequest request) {
      return new RoomInfo(ROOM_SID, request.uniqueName(), "group", "in-progress");
    }
  }
}

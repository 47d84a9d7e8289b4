package io.switchboard.video;

import io.switchboard.common.RecordedHistories;
import io.switchboard.common.SwitchboardSearchAttributes;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.SearchAttributeKey;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
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

  /** v1: the room's life; v2: also its search attributes. */
  static final String VERSION = System.getProperty("switchboard.historyVersion", "v2");

  // created-only-v0.json was recorded with the workflow as it was before v1 (it only created the
  // room), at commit 1e69fe7; today's code cannot record it again.

  /** From v1: participants come and go, then the room is completed through the api. */
  @Test
  void recordCompletedThroughTheApi() throws Exception {
    record(
        "completed-through-api-" + VERSION + ".json",
        new RoomRequest("consult", "group"),
        (env, room) -> {
          room.roomStatusChanged(
              new RoomEvent(ROOM_SID, "participant-connected", "in-progress", "PA1", 1));
          room.roomStatusChanged(
              new RoomEvent(ROOM_SID, "participant-disconnected", "in-progress", "PA1", 2));
          room.complete();
        });
  }

  /** From v1: nobody ends the room, so the workflow completes it at its maximum duration. */
  @Test
  void recordEndedAtMaximumDuration() throws Exception {
    record(
        "max-duration-" + VERSION + ".json",
        new RoomRequest("webinar", "group", 600),
        (env, room) -> env.sleep(java.time.Duration.ofSeconds(601)));
  }

  interface Scenario {
    void run(TestWorkflowEnvironment env, VideoRoomWorkflow room);
  }

  private static void record(String name, RoomRequest request, Scenario scenario) throws Exception {
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      for (SearchAttributeKey<?> attribute : SwitchboardSearchAttributes.ALL) {
        env.registerSearchAttribute(
            attribute.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);
      }
      Worker worker = env.newWorker("voice");
      worker.registerWorkflowImplementationTypes(VideoRoomWorkflowImpl.class);
      worker.registerActivitiesImplementations(new CreatingActivities());
      env.start();
      WorkflowClient client = env.getWorkflowClient();
      String id = VideoRoomWorkflowIds.room(request.uniqueName());
      VideoRoomWorkflow room =
          client.newWorkflowStub(
              VideoRoomWorkflow.class,
              WorkflowOptions.newBuilder()
                  .setWorkflowId(id)
                  .setTaskQueue("voice")
                  .setWorkflowIdConflictPolicy(
                      io.temporal.api.enums.v1.WorkflowIdConflictPolicy
                          .WORKFLOW_ID_CONFLICT_POLICY_FAIL)
                  .build());
      WorkflowClient.executeUpdateWithStart(
          room::created,
          io.temporal.client.UpdateOptions.<RoomInfo>newBuilder()
              .setWaitForStage(io.temporal.client.WorkflowUpdateStage.COMPLETED)
              .build(),
          new io.temporal.client.WithStartWorkflowOperation<>(room::create, request));
      scenario.run(env, room);
      WorkflowStub.fromTyped(room).getResult(RoomInfo.class);
      RecordedHistories.writeNew(
          VideoRoomReplayTest.HISTORIES.resolve(name), client.fetchHistory(id).toJson(true));
    }
  }

  static class CreatingActivities implements VideoActivities {
    @Override
    public RoomInfo createRoom(RoomRequest request) {
      return new RoomInfo(ROOM_SID, request.uniqueName(), "group", "in-progress");
    }

    @Override
    public RoomInfo completeRoom(String roomSid) {
      return new RoomInfo(roomSid, "room", "group", "completed");
    }
  }
}

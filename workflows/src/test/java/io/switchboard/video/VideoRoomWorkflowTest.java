package io.switchboard.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import io.switchboard.common.TwilioFailureType;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.client.UpdateOptions;
import io.temporal.client.WithStartWorkflowOperation;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.client.WorkflowUpdateStage;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A room's life on Temporal's test server, with time skipped. */
class VideoRoomWorkflowTest {

  @RegisterExtension
  static final TestWorkflowExtension temporal =
      TestWorkflowExtension.newBuilder()
          .registerWorkflowImplementationTypes(VideoRoomWorkflowImpl.class)
          .registerSearchAttribute("Channel", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
          .registerSearchAttribute("CommStatus", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
          .setDoNotStart(true)
          .build();

  static final String SID = "RM00000000000000000000000000000007";

  private final VideoActivities activities =
      mock(VideoActivities.class, withSettings().withoutAnnotations());

  @Test
  void theRoomIsAnsweredAtOnceAndTheWorkflowEndsWhenTwilioEndsTheRoom(
      TestWorkflowEnvironment env, Worker worker, WorkflowClient client) throws Exception {
    when(activities.createRoom(any())).thenReturn(new RoomInfo(SID, "a", "group", "in-progress"));
    worker.registerActivitiesImplementations(activities);
    env.start();

    VideoRoomWorkflow room = stub(client, worker, "a");
    RoomInfo created = create(room, new RoomRequest("a", "group"));
    room.roomStatusChanged(new RoomEvent(SID, "participant-connected", "in-progress", "PA1", 1));
    room.roomStatusChanged(new RoomEvent("RMother", "room-ended", "completed", null, 9));
    assertThat(WorkflowStub.fromTyped(room).describe().getStatus().name()).contains("RUNNING");
    room.roomStatusChanged(new RoomEvent(SID, "room-ended", "completed", null, 2));

    assertThat(created.status()).isEqualTo("in-progress");
    RoomInfo last = WorkflowStub.fromTyped(room).getResult(5, TimeUnit.SECONDS, RoomInfo.class);
    assertThat(last.status()).isEqualTo("completed");
    verify(activities, never()).completeRoom(any());
  }

  @Test
  void completingEndsTheRoomAtTwilioAndASecondCompleteIsRefused(
      TestWorkflowEnvironment env, Worker worker, WorkflowClient client) throws Exception {
    when(activities.createRoom(any())).thenReturn(new RoomInfo(SID, "b", "group", "in-progress"));
    when(activities.completeRoom(SID)).thenReturn(new RoomInfo(SID, "b", "group", "completed"));
    worker.registerActivitiesImplementations(activities);
    env.start();
    VideoRoomWorkflow room = stub(client, worker, "b");
    create(room, new RoomRequest("b", "group"));

    RoomInfo completed = room.complete();

    assertThat(completed.status()).isEqualTo("completed");
    assertThat(WorkflowStub.fromTyped(room).getResult(5, TimeUnit.SECONDS, RoomInfo.class))
        .isEqualTo(completed);
    assertThatThrownBy(room::complete).isInstanceOf(RuntimeException.class);
  }

  @Test
  void aRoomNobodyEndsIsCompletedAtItsMaximumDuration(
      TestWorkflowEnvironment env, Worker worker, WorkflowClient client) throws Exception {
    when(activities.createRoom(any())).thenReturn(new RoomInfo(SID, "c", "group", "in-progress"));
    when(activities.completeRoom(SID)).thenReturn(new RoomInfo(SID, "c", "group", "completed"));
    worker.registerActivitiesImplementations(activities);
    env.start();
    VideoRoomWorkflow room = stub(client, worker, "c");
    create(room, new RoomRequest("c", "group", 600));

    env.sleep(Duration.ofSeconds(599));
    verify(activities, never()).completeRoom(any());
    env.sleep(Duration.ofSeconds(2));

    assertThat(WorkflowStub.fromTyped(room).getResult(5, TimeUnit.SECONDS, RoomInfo.class).status())
        .isEqualTo("completed");
    verify(activities).completeRoom(SID);
  }

  @Test
  void twiliosRefusalFailsTheCreatedUpdateWithItsCode(
      TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    when(activities.createRoom(any()))
        .thenThrow(
            ApplicationFailure.newFailure(
                "Room exists", TwilioFailureType.TWILIO_REJECTED.name(), 53113));
    worker.registerActivitiesImplementations(activities);
    env.start();
    VideoRoomWorkflow room = stub(client, worker, "d");

    assertThatThrownBy(() -> create(room, new RoomRequest("d", "group")))
        .isInstanceOf(WorkflowUpdateException.class)
        .satisfies(
            e -> {
              ActivityFailure activity = (ActivityFailure) e.getCause();
              ApplicationFailure refusal = (ApplicationFailure) activity.getCause();
              assertThat(refusal.getDetails().get(0, Integer.class)).isEqualTo(53113);
            });
  }

  static VideoRoomWorkflow stub(WorkflowClient client, Worker worker, String name) {
    return client.newWorkflowStub(
        VideoRoomWorkflow.class,
        WorkflowOptions.newBuilder()
            .setWorkflowId(VideoRoomWorkflowIds.room(name))
            .setTaskQueue(worker.getTaskQueue())
            .setWorkflowIdConflictPolicy(
                io.temporal.api.enums.v1.WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_FAIL)
            .build());
  }

  static RoomInfo create(VideoRoomWorkflow room, RoomRequest request) {
    return WorkflowClient.executeUpdateWithStart(
        room::created,
        UpdateOptions.<RoomInfo>newBuilder().setWaitForStage(WorkflowUpdateStage.COMPLETED).build(),
        new WithStartWorkflowOperation<>(room::create, request));
  }
}

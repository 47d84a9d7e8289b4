package io.switchboard.video;

import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * A video room for the api, which never calls Twilio itself: creates the room, follows its status
 * callbacks, and ends when the room ends (completed through the api, ended by Twilio, or at its
 * maximum duration, when the workflow completes it). Workflow id {@code video-room:{uniqueName}}
 * (see {@link VideoRoomWorkflowIds}), task queue {@code voice}.
 */
@WorkflowInterface
public interface VideoRoomWorkflow {

  /** Runs the room's life; answers the room as it ended. */
  @WorkflowMethod
  RoomInfo create(RoomRequest request);

  /**
   * Waits until the room is created and answers it; fails with Twilio's refusal. Sent with the
   * start (update-with-start), so that the api answers as soon as the room exists.
   */
  @UpdateMethod
  RoomInfo created();

  /** Ends the room now. */
  @UpdateMethod
  RoomInfo complete();

  @UpdateValidatorMethod(updateName = "complete")
  void validateComplete();

  /** A room status callback. */
  @SignalMethod
  void roomStatusChanged(RoomEvent event);
}

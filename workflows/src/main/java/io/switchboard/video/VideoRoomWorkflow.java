package io.switchboard.video;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Creates a video room for the api, which never calls Twilio itself. Workflow id {@code
 * video-room:{uniqueName}:{requestId}}, task queue {@code voice}.
 */
@WorkflowInterface
public interface VideoRoomWorkflow {

  @WorkflowMethod
  RoomInfo create(RoomRequest request);
}

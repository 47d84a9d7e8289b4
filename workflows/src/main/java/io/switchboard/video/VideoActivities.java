package io.switchboard.video;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Twilio Video's Rooms resource. Failures are typed by {@code TwilioFailureType}. */
@ActivityInterface
public interface VideoActivities {

  /**
   * Creates the room with our status callback, once: a retry (the first answer lost) finds the room
   * by its unique name and adopts it.
   */
  @ActivityMethod
  RoomInfo createRoom(RoomRequest request);
}

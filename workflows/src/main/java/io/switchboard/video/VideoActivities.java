package io.switchboard.video;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Twilio Video's Rooms resource. Failures are typed by {@code TwilioFailureType}. */
@ActivityInterface
public interface VideoActivities {

  /**
   * Creates the room with our status callback (routed to the calling workflow), once: a retry (the
   * first answer lost) finds the room by its unique name and adopts it.
   */
  @ActivityMethod
  RoomInfo createRoom(RoomRequest request);

  /**
   * Ends a room in progress, disconnecting everyone; a room that has ended already is answered as
   * it is, so that a retry or a race with Twilio's own end is harmless.
   */
  @ActivityMethod
  RoomInfo completeRoom(String roomSid);
}

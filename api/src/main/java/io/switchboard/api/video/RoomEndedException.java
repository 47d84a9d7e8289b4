package io.switchboard.api.video;

/** A room that has ended (or is not created yet) cannot be completed: a 409. */
class RoomEndedException extends RuntimeException {
  RoomEndedException(String uniqueName) {
    super("Room " + uniqueName + " is not in progress.");
  }
}

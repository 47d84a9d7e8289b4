package io.switchboard.video;

/**
 * A Twilio Video room to create.
 *
 * @param uniqueName the room's name, unique among rooms in progress; tokens grant it by name
 * @param type {@code group}, {@code group-small}, {@code peer-to-peer} or {@code go}
 * @param maxDurationSeconds end the room this long after it was created, whoever is in it; null for
 *     {@link VideoRoomWorkflowImpl#LONGEST_ROOM}
 */
public record RoomRequest(String uniqueName, String type, Integer maxDurationSeconds) {

  public RoomRequest(String uniqueName, String type) {
    this(uniqueName, type, null);
  }
}

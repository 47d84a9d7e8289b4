package io.switchboard.video;

/**
 * A Twilio Video room to create.
 *
 * @param uniqueName the room's name, unique among rooms in progress; tokens grant it by name
 * @param type {@code group}, {@code group-small}, {@code peer-to-peer} or {@code go}
 */
public record RoomRequest(String uniqueName, String type) {}

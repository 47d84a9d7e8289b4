package io.switchboard.video;

/**
 * A room as Twilio has it.
 *
 * @param roomSid Twilio's RoomSid
 * @param uniqueName its name
 * @param type its type
 * @param status {@code in-progress}, {@code completed} or {@code failed}
 */
public record RoomInfo(String roomSid, String uniqueName, String type, String status) {}

package io.switchboard.video;

/**
 * A room status callback, as a signal to the room's workflow.
 *
 * @param roomSid the room
 * @param event {@code room-created}, {@code participant-connected}, {@code
 *     participant-disconnected}, {@code room-ended}, …
 * @param roomStatus the room's status then
 * @param participantSid the participant, for participant events
 * @param sequenceNumber the callback's place in the room's order
 */
public record RoomEvent(
    String roomSid,
    String event,
    String roomStatus,
    String participantSid,
    Integer sequenceNumber) {}

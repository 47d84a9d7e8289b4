package io.switchboard.api.video;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Room status callbacks, recorded once each, and read back for the API. */
@Component
public class VideoRoomEvents {

  private final JdbcClient jdbc;
  private final Clock clock;

  VideoRoomEvents(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** One room event. */
  public record Event(
      String roomSid,
      String roomName,
      String event,
      String roomStatus,
      String participantSid,
      Integer sequenceNumber,
      java.time.Instant receivedAt) {}

  /** Records a callback's parameters; false when it names no room (kept in the inbox only). */
  public boolean record(Map<String, String> params) {
    String roomSid = params.get("RoomSid");
    String event = params.get("StatusCallbackEvent");
    if (roomSid == null || event == null) {
      return false;
    }
    jdbc.sql(
            """
            INSERT INTO video_room_events (room_sid, room_name, event, room_status,
                                           participant_sid, sequence_number, received_at)
            VALUES (:sid, :name, :event, :status, :participant, :sequence, :at)
            ON CONFLICT DO NOTHING
            """)
        .param("sid", roomSid)
        .param("name", params.get("RoomName"))
        .param("event", event)
        .param("status", params.get("RoomStatus"))
        .param("participant", params.get("ParticipantSid"))
        .param("sequence", integer(params.get("SequenceNumber")), java.sql.Types.INTEGER)
        .param("at", java.sql.Timestamp.from(clock.instant()))
        .update();
    return true;
  }

  /** A room's events by its SID or unique name, oldest first. */
  public List<Event> of(String room) {
    return jdbc.sql(
            """
            SELECT room_sid, room_name, event, room_status, participant_sid, sequence_number,
                   received_at
              FROM video_room_events WHERE room_sid = :room OR room_name = :room
             ORDER BY received_at, id
            """)
        .param("room", room)
        .query(
            (rs, row) ->
                new Event(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    (Integer) rs.getObject(6),
                    rs.getTimestamp(7).toInstant()))
        .list();
  }

  private static Integer integer(String value) {
    try {
      return value == null ? null : Integer.valueOf(value.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}

package io.switchboard.simulator.video;

import static io.switchboard.simulator.rest.TwilioOperation.CREATE_ROOM;
import static io.switchboard.simulator.rest.TwilioOperation.FETCH_ROOM;

import io.switchboard.simulator.SimulatorState;
import io.switchboard.simulator.callbacks.Callback;
import io.switchboard.simulator.callbacks.CallbackDispatcher;
import io.switchboard.simulator.rest.Accounts;
import io.switchboard.simulator.rest.Form;
import io.switchboard.simulator.rest.Sids;
import io.switchboard.simulator.rest.TwilioApiException;
import io.switchboard.simulator.rest.TwilioAuthFilter;
import io.switchboard.simulator.rest.TwilioJson;
import io.switchboard.simulator.rest.TwilioResource;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Twilio Video's Rooms: create and fetch (by SID or unique name, as Twilio allows). A unique name
 * already in use by a room in progress is refused with 53113, as Twilio does.
 */
@RestController
@TwilioResource
class RoomsController implements SimulatorState {

  private static final String ROOMS = TwilioAuthFilter.PREFIX + "/v1/Rooms";

  private final Map<String, SimRoom> rooms = new ConcurrentHashMap<>();
  private final Accounts accounts;
  private final CallbackDispatcher callbacks;

  RoomsController(Accounts accounts, CallbackDispatcher callbacks) {
    this.accounts = accounts;
    this.callbacks = callbacks;
  }

  @PostMapping(ROOMS)
  synchronized ResponseEntity<String> create(HttpServletRequest request) {
    Form form = Form.of(CREATE_ROOM, request);
    String uniqueName = form.get("UniqueName");
    if (uniqueName != null && byName(uniqueName) != null) {
      throw TwilioApiException.badRequest(53113, "Room exists");
    }
    String type = form.get("Type", "group");
    String sid = Sids.next("RM");
    SimRoom room =
        new SimRoom(
            sid,
            uniqueName == null ? sid : uniqueName,
            type,
            form.get("StatusCallback"),
            form.get("StatusCallbackMethod", "POST"),
            form.integer("MaxParticipants", "peer-to-peer".equals(type) ? 10 : 50),
            form.bool("RecordParticipantsOnConnect"),
            form.bool("AudioOnly"),
            form.integer("EmptyRoomTimeout", 5),
            form.integer("UnusedRoomTimeout", 5),
            form.bool("EnableTurn"),
            form.get("MediaRegion", "us1"),
            form.integer("MaxParticipantDuration", 14400),
            Instant.now());
    rooms.put(sid, room);
    roomCreated(room);
    return TwilioJson.created(RoomJson.of(room, accounts.sid()));
  }

  @GetMapping(ROOMS + "/{sid}")
  ResponseEntity<String> fetch(@PathVariable String sid, HttpServletRequest request) {
    Form.of(FETCH_ROOM, request);
    SimRoom room = rooms.containsKey(sid) ? rooms.get(sid) : byName(sid);
    if (room == null) {
      throw TwilioApiException.notFound("/v1/Rooms/" + sid);
    }
    return TwilioJson.ok(RoomJson.of(room, accounts.sid()));
  }

  /**
   * Twilio's first room status callback. The simulator has no participants, so it is also the last:
   * rooms stay in progress.
   */
  private void roomCreated(SimRoom room) {
    if (room.statusCallback() == null) {
      return;
    }
    Map<String, String> params = new LinkedHashMap<>();
    params.put("AccountSid", accounts.sid());
    params.put("RoomSid", room.sid());
    params.put("RoomName", room.uniqueName());
    params.put("RoomType", room.type());
    params.put("RoomStatus", "in-progress");
    params.put("StatusCallbackEvent", "room-created");
    params.put("SequenceNumber", "0");
    params.put("Timestamp", room.created().toString());
    callbacks.send(
        new Callback(
            room.sid(),
            Set.of(),
            room.statusCallback(),
            room.statusCallbackMethod(),
            params,
            "in-progress",
            true));
  }

  private SimRoom byName(String uniqueName) {
    return rooms.values().stream()
        .filter(r -> r.uniqueName().equals(uniqueName))
        .findFirst()
        .orElse(null);
  }

  @Override
  public void reset() {
    rooms.clear();
  }
}

package io.switchboard.simulator.video;

import static io.switchboard.simulator.rest.TwilioOperation.CREATE_ROOM;
import static io.switchboard.simulator.rest.TwilioOperation.FETCH_ROOM;
import static io.switchboard.simulator.rest.TwilioOperation.UPDATE_ROOM;

import io.switchboard.simulator.rest.Accounts;
import io.switchboard.simulator.rest.Form;
import io.switchboard.simulator.rest.Sids;
import io.switchboard.simulator.rest.TwilioApiException;
import io.switchboard.simulator.rest.TwilioAuthFilter;
import io.switchboard.simulator.rest.TwilioJson;
import io.switchboard.simulator.rest.TwilioResource;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Twilio Video's Rooms: create, fetch (by SID or unique name, as Twilio allows) and complete. A
 * unique name already in use by a room in progress is refused with 53113, as Twilio does.
 */
@RestController
@TwilioResource
class RoomsController {

  private static final String ROOMS = TwilioAuthFilter.PREFIX + "/v1/Rooms";

  private final RoomStore rooms;
  private final RoomLife life;
  private final Accounts accounts;

  RoomsController(RoomStore rooms, RoomLife life, Accounts accounts) {
    this.rooms = rooms;
    this.life = life;
    this.accounts = accounts;
  }

  @PostMapping(ROOMS)
  ResponseEntity<String> create(HttpServletRequest request) {
    Form form = Form.of(CREATE_ROOM, request);
    String uniqueName = form.get("UniqueName");
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
    synchronized (this) {
      if (uniqueName != null && rooms.nameInUse(uniqueName)) {
        throw TwilioApiException.badRequest(53113, "Room exists");
      }
      rooms.save(room);
    }
    life.created(room);
    return TwilioJson.created(RoomJson.of(room, accounts.sid()));
  }

  @GetMapping(ROOMS + "/{sid}")
  ResponseEntity<String> fetch(@PathVariable String sid, HttpServletRequest request) {
    Form.of(FETCH_ROOM, request);
    return TwilioJson.ok(RoomJson.of(find(sid), accounts.sid()));
  }

  /** Status=completed ends a room in progress and disconnects everyone in it. */
  @PostMapping(ROOMS + "/{sid}")
  ResponseEntity<String> update(@PathVariable String sid, HttpServletRequest request) {
    Form form = Form.of(UPDATE_ROOM, request);
    SimRoom room = find(sid);
    if (!"completed".equals(form.get("Status"))) {
      throw TwilioApiException.badRequest(20001, "Status must be completed");
    }
    if (!room.inProgress()) {
      throw TwilioApiException.badRequest(53118, "Room " + room.sid() + " is not in progress");
    }
    life.end(room);
    // Twilio documents 202 Accepted for a room update.
    return TwilioJson.respond(HttpStatus.ACCEPTED, RoomJson.of(room, accounts.sid()));
  }

  private SimRoom find(String sid) {
    return rooms.find(sid).orElseThrow(() -> TwilioApiException.notFound("/v1/Rooms/" + sid));
  }
}

package io.switchboard.simulator.video;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * People joining and leaving rooms, which Twilio's REST API cannot do (participants connect with an
 * SDK): {@code POST /simulator/api/video/rooms/{room}/participants} with the access token the
 * application issued (or a bare identity), {@code DELETE .../participants/{identity}} to leave. The
 * simulator does not hold the API key secret, so it reads the token's grants without checking its
 * signature; Twilio would check it.
 */
@RestController
class ParticipantsController {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final RoomStore rooms;
  private final RoomLife life;

  ParticipantsController(RoomStore rooms, RoomLife life) {
    this.rooms = rooms;
    this.life = life;
  }

  /**
   * @param token an access token with a video grant (its identity joins; its room, if it names one,
   *     must be this room)
   * @param identity who joins, when no token is given
   */
  record JoinRequest(String token, String identity) {}

  @PostMapping("/simulator/api/video/rooms/{room}/participants")
  ResponseEntity<Map<String, Object>> join(
      @PathVariable String room, @RequestBody JoinRequest request) {
    SimRoom found = rooms.find(room).orElse(null);
    if (found == null) {
      return problem(HttpStatus.NOT_FOUND, "No room " + room);
    }
    String identity = request.identity();
    if (request.token() != null) {
      JsonNode grants = grants(request.token());
      if (grants == null) {
        return problem(HttpStatus.BAD_REQUEST, "Not an access token");
      }
      JsonNode granted = grants.path("video").path("room");
      if (!granted.isMissingNode()
          && !granted.asString().equals(found.uniqueName())
          && !granted.asString().equals(found.sid())) {
        return problem(HttpStatus.FORBIDDEN, "The token grants another room");
      }
      identity = grants.path("identity").asString(null);
    }
    if (identity == null || identity.isBlank()) {
      return problem(HttpStatus.BAD_REQUEST, "An identity or a token is required");
    }
    SimRoom.Participant participant = life.connect(found, identity);
    if (participant == null) {
      return problem(HttpStatus.CONFLICT, "The room has ended or is full");
    }
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(
            Map.of(
                "participantSid", participant.sid(),
                "identity", participant.identity(),
                "roomSid", found.sid()));
  }

  @DeleteMapping("/simulator/api/video/rooms/{room}/participants/{identity}")
  ResponseEntity<Map<String, Object>> leave(
      @PathVariable String room, @PathVariable String identity) {
    SimRoom found = rooms.find(room).orElse(null);
    SimRoom.Participant gone = found == null ? null : life.disconnect(found, identity);
    if (gone == null) {
      return problem(HttpStatus.NOT_FOUND, identity + " is not in room " + room);
    }
    return ResponseEntity.ok(Map.of("participantSid", gone.sid(), "identity", identity));
  }

  private static JsonNode grants(String token) {
    String[] parts = token.split("\\.");
    if (parts.length != 3) {
      return null;
    }
    try {
      byte[] payload = Base64.getUrlDecoder().decode(parts[1]);
      return JSON.readTree(new String(payload, StandardCharsets.UTF_8)).path("grants");
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static ResponseEntity<Map<String, Object>> problem(HttpStatus status, String message) {
    return ResponseEntity.status(status).body(Map.of("message", message));
  }
}

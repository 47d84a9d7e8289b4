package io.switchboard.api.video;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.api.web.Problems;
import io.switchboard.video.RoomInfo;
import io.switchboard.video.RoomRequest;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Video rooms: create one, issue participant tokens, read its status callbacks. */
@RestController
@RequestMapping(path = "/api/video/rooms", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Video")
@EnableConfigurationProperties(VideoProperties.class)
public class VideoController {

  private static final Pattern NAME = Pattern.compile("^[A-Za-z0-9_.-]{1,128}$");
  private static final int MIN_DURATION = 5;
  private static final int MAX_DURATION = 86_400;
  private static final Set<String> TYPES = Set.of("group", "group-small", "peer-to-peer", "go");

  private final VideoRooms rooms;
  private final VideoTokens tokens;
  private final VideoRoomEvents events;

  VideoController(VideoRooms rooms, VideoTokens tokens, VideoRoomEvents events) {
    this.rooms = rooms;
    this.tokens = tokens;
    this.events = events;
  }

  /**
   * @param uniqueName the room's name (letters, digits, . _ -)
   * @param type {@code group} (default), {@code group-small}, {@code peer-to-peer} or {@code go}
   * @param maxDurationSeconds end the room this long after its creation, whoever is in it (5 to
   *     86400); absent for Twilio's own limits
   */
  public record CreateRoom(String uniqueName, String type, Integer maxDurationSeconds) {}

  /**
   * @param identity who joins (a user id of yours, never a phone number)
   */
  public record TokenRequest(String identity) {}

  /** A signed access token for one room. */
  public record Token(String token, String identity, String room, Instant expiresAt) {}

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      operationId = "createVideoRoom",
      summary = "Create a video room (scope calls:write)",
      description =
          "The room's workflow (video-room:{uniqueName}) follows it until it ends: completed"
              + " through /complete, ended by Twilio, or at maxDurationSeconds. Room status"
              + " callbacks are recorded and served by GET /api/video/rooms/{room}. A name in use"
              + " by a room in progress is a 409 problem with Twilio's code 53113.")
  RoomInfo create(@RequestBody CreateRoom request) {
    if (request == null || request.uniqueName() == null) {
      throw invalid("'uniqueName' is required.");
    }
    checkName(request.uniqueName());
    if (request.type() != null && !TYPES.contains(request.type())) {
      throw invalid("'type' must be group, group-small, peer-to-peer or go.");
    }
    Integer maxDuration = request.maxDurationSeconds();
    if (maxDuration != null && (maxDuration < MIN_DURATION || maxDuration > MAX_DURATION)) {
      throw invalid("'maxDurationSeconds' must be between 5 and 86400.");
    }
    try {
      return rooms.create(new RoomRequest(request.uniqueName(), request.type(), maxDuration));
    } catch (RoomRefusedException e) {
      throw refused(e);
    }
  }

  @PostMapping("/{room}/complete")
  @Operation(
      operationId = "completeVideoRoom",
      summary = "End a room in progress, disconnecting everyone (scope calls:write)",
      description =
          "Twilio sends participant-disconnected and room-ended callbacks, which are recorded; the"
              + " room's workflow ends. No room of that name in progress is a 404; one that ended"
              + " meanwhile a 409.")
  RoomInfo complete(@PathVariable String room) {
    checkName(room);
    try {
      return rooms.complete(room);
    } catch (RoomRefusedException e) {
      throw refused(e);
    } catch (RoomEndedException e) {
      throw new ErrorResponseException(
          HttpStatus.CONFLICT,
          Problems.of(
              HttpStatus.CONFLICT, "video-room-ended", "The room has ended", e.getMessage()),
          e);
    }
  }

  private static ErrorResponseException refused(RoomRefusedException e) {
    ProblemDetail problem =
        Problems.of(
            HttpStatus.CONFLICT,
            "video-room-refused",
            "Twilio refused the request",
            e.getMessage());
    problem.setProperty("twilioCode", e.code);
    return new ErrorResponseException(HttpStatus.CONFLICT, problem, e);
  }

  @PostMapping(path = "/{room}/tokens", consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      operationId = "issueVideoToken",
      summary = "Issue a participant access token for a room (scope calls:write)")
  Token token(@PathVariable String room, @RequestBody TokenRequest request) {
    checkName(room);
    if (request == null
        || request.identity() == null
        || !NAME.matcher(request.identity()).matches()) {
      throw invalid("'identity' of 1 to 128 letters, digits, . _ - is required.");
    }
    if (!tokens.available()) {
      throw new ErrorResponseException(
          HttpStatus.SERVICE_UNAVAILABLE,
          Problems.of(
              HttpStatus.SERVICE_UNAVAILABLE,
              "video-not-configured",
              "Video is not configured",
              "Set TWILIO_API_KEY_SID and TWILIO_API_KEY_SECRET to issue video tokens."),
          null);
    }
    return new Token(
        tokens.issue(request.identity(), room),
        request.identity(),
        room,
        Instant.now().plus(tokens.ttl()));
  }

  @GetMapping("/{room}")
  @Operation(
      operationId = "getVideoRoomEvents",
      summary = "A room's recorded status callbacks, by RoomSid or name (scope calls:read)")
  List<VideoRoomEvents.Event> events(@PathVariable String room) {
    checkName(room);
    return events.of(room);
  }

  private static void checkName(String name) {
    if (!NAME.matcher(name).matches()) {
      throw invalid("A room name is 1 to 128 letters, digits, . _ -.");
    }
  }

  private static ErrorResponseException invalid(String detail) {
    return new ErrorResponseException(
        HttpStatus.BAD_REQUEST,
        Problems.of(HttpStatus.BAD_REQUEST, "invalid-video-request", "Invalid request", detail),
        null);
  }
}

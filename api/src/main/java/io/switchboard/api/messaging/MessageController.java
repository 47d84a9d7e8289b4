package io.switchboard.api.messaging;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.api.web.NotFoundException;
import io.switchboard.messaging.MessageEventRepository;
import io.switchboard.messaging.MessageMediaEraser;
import io.switchboard.messaging.MessageMediaRow;
import io.switchboard.messaging.MessageRecord;
import io.switchboard.messaging.MessageRepository;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** Outbound messages: send with an idempotency key, then follow them; and inbound ones. */
@RestController
@RequestMapping(path = "/api/messages", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Messages")
public class MessageController {

  private static final int MAX_PAGE = 200;

  private final MessageValidator validator;
  private final MessageSender sender;
  private final MessageRepository messages;
  private final MessageEventRepository events;
  private final StoredMessageMedia media;
  private final MessageMediaEraser eraser;

  public MessageController(
      MessageValidator validator,
      MessageSender sender,
      MessageRepository messages,
      MessageEventRepository events,
      StoredMessageMedia media,
      MessageMediaEraser eraser) {
    this.validator = validator;
    this.sender = sender;
    this.messages = messages;
    this.events = events;
    this.media = media;
    this.eraser = eraser;
  }

  @PostMapping(path = "/send", consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      operationId = "sendMessage",
      summary = "Send an SMS, MMS or WhatsApp message (scope messages:write)",
      description =
          "Accepted messages are delivered by a durable workflow: scheduled and quiet-hour waits,"
              + " consent (opted-out recipients fail with 21610 and no send), one send to Twilio"
              + " whatever the retries, and status tracking. The 202 comes once the message and"
              + " its workflow's start are committed; the workflow starts a moment later (or,"
              + " with Temporal unreachable, when it is back). The same Idempotency-Key with the"
              + " same body answers the same message; with another body, 422.")
  @ApiResponse(responseCode = "202", description = "Accepted; follow it at Location")
  @ApiResponse(
      responseCode = "422",
      description = "Idempotency-Key reused for another request",
      content =
          @Content(
              mediaType = "application/problem+json",
              schema = @Schema(ref = "#/components/schemas/Problem")))
  ResponseEntity<MessageView> send(
      @Parameter(description = "Names this send; repeat it to retry safely", required = true)
          @RequestHeader(name = "Idempotency-Key", required = false)
          String idempotencyKey,
      @RequestBody SendMessageRequest request) {
    MessageRecord accepted = sender.accept(validator.validate(idempotencyKey, request));
    return ResponseEntity.accepted()
        .location(URI.create("/api/messages/" + accepted.id()))
        .body(view(accepted));
  }

  @PostMapping("/{id}/cancel")
  @Operation(
      operationId = "cancelMessage",
      summary = "Cancel a message not yet sent, e.g. a scheduled one (scope messages:write)",
      description =
          "A message waiting for its send time, quiet hours or its sender's rate ends canceled;"
              + " one already sent is not changed (the answer shows its status).")
  @ApiResponse(responseCode = "202", description = "Cancel requested; follow it at Location")
  ResponseEntity<MessageView> cancel(@PathVariable String id) {
    MessageRecord message =
        messages
            .findById(id)
            .filter(found -> "outbound".equals(found.direction()))
            .orElseThrow(() -> new NotFoundException("No outbound message " + id + "."));
    sender.cancel(message.id());
    return ResponseEntity.accepted()
        .location(URI.create("/api/messages/" + message.id()))
        .body(view(message.id()));
  }

  @GetMapping("/{id}")
  @Operation(
      operationId = "getMessage",
      summary = "A message with every status it went through (scope messages:read)")
  MessageView get(@PathVariable String id) {
    return view(id);
  }

  @GetMapping(path = "/{id}/media/{index}", produces = MediaType.ALL_VALUE)
  @Operation(
      operationId = "getMessageMedia",
      summary =
          "A medium of an inbound message, decrypted and streamed in its own content type"
              + " (scope messages:read)",
      description =
          "The stored copy is authenticated whole before the first byte is sent; one that fails"
              + " is a 500 media-integrity problem and nothing of it is served. A medium not"
              + " stored (pending, refused, failed) is a 404. Every access is audited.")
  ResponseEntity<StreamingResponseBody> media(
      @PathVariable String id, @PathVariable int index, Principal principal) {
    MessageRecord message = find(id);
    MessageMediaRow row = media.stored(message.id(), index);
    media.verify(row);
    media.audit(row, principal.getName());
    MediaType type = servedType(row.contentType());
    return ResponseEntity.ok()
        .contentType(type)
        .contentLength(row.sizeBytes())
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Disposition", "attachment")
        .body(out -> media.stream(row, out));
  }

  @DeleteMapping("/{id}/media")
  @Operation(
      operationId = "eraseMessageMedia",
      summary =
          "Erases the stored media of an inbound message (scope messages:write): each stored"
              + " copy is deleted, its row kept as 'erased' and the erasure audited",
      description =
          "Idempotent: media already erased, never stored or refused are left as they are. A"
              + " medium still being fetched is deleted as soon as its copy is stored.")
  ResponseEntity<Void> eraseMedia(@PathVariable String id, Principal principal) {
    MessageRecord message = find(id);
    eraser.erase(message.id(), principal.getName());
    return ResponseEntity.noContent().build();
  }

  @GetMapping
  @Operation(
      operationId = "listMessages",
      summary = "Messages, newest first, filtered (scope messages:read)")
  List<MessageView> list(
      @RequestParam(required = false) String direction,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String channel,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String from,
      @Parameter(description = "Only messages created before this instant (for paging)")
          @RequestParam(required = false)
          Instant before,
      @RequestParam(defaultValue = "50") int limit) {
    if (limit < 1 || limit > MAX_PAGE) {
      throw new InvalidMessageException("'limit' must be between 1 and 200.");
    }
    return messages.search(direction, status, channel, to, from, before, limit).stream()
        .map(message -> MessageView.of(message, null))
        .toList();
  }

  /**
   * The sender chose the content type: one that does not parse, or is a wildcard, is served as
   * bytes; with {@code nosniff} and as an attachment, none is rendered on the API's origin.
   */
  private static MediaType servedType(String contentType) {
    try {
      MediaType type =
          contentType == null
              ? MediaType.APPLICATION_OCTET_STREAM
              : MediaType.parseMediaType(contentType);
      return type.isConcrete() ? type : MediaType.APPLICATION_OCTET_STREAM;
    } catch (InvalidMediaTypeException e) {
      return MediaType.APPLICATION_OCTET_STREAM;
    }
  }

  private MessageRecord find(String id) {
    return messages
        .findById(id)
        .or(() -> messages.findByMessageSid(id))
        .orElseThrow(() -> new NotFoundException("No message " + id + " is recorded."));
  }

  private MessageView view(String id) {
    return view(find(id));
  }

  private MessageView view(MessageRecord message) {
    return MessageView.of(
        message,
        events.findByMessageIdOrderByStatusRankAscOccurredAtAsc(message.id()),
        "inbound".equals(message.direction()) ? media.rows(message.id()) : null);
  }
}

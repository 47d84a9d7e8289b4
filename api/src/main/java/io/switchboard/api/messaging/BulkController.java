package io.switchboard.api.messaging;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.messaging.BulkProgress;
import io.switchboard.messaging.BulkSendWorkflow;
import java.net.URI;
import java.util.function.Consumer;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Bulk sends: a template to many recipients, run by a {@code BulkSendWorkflow} ({@code bulk:{id}})
 * at the sender's throughput; followed, paused, resumed and cancelled here.
 */
@RestController
@Tag(name = "Bulk sends")
public class BulkController {

  private final BulkValidator validator;
  private final BulkSends sends;

  public BulkController(BulkValidator validator, BulkSends sends) {
    this.validator = validator;
    this.sends = sends;
  }

  @PostMapping(
      path = "/api/messages/bulk",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      operationId = "sendBulk",
      summary = "Send a template to many recipients (scope messages:write)",
      description =
          "Every recipient is checked first (number, template variables); then the bulk send runs"
              + " at the sender's throughput. The Idempotency-Key names it: the same key and body"
              + " answer the same bulk send; another body, 422.")
  ResponseEntity<BulkProgress> send(
      @Parameter(description = "Names this bulk send", required = true)
          @RequestHeader(name = "Idempotency-Key", required = false)
          String idempotencyKey,
      @RequestBody BulkSendRequest request) {
    ValidatedBulk validated = validator.validate(idempotencyKey, request);
    sends.accept(validated);
    return ResponseEntity.accepted()
        .location(URI.create("/api/bulk/" + validated.id()))
        .body(BulkProgress.start(validated.id(), validated.recipients().size()));
  }

  @GetMapping(path = "/api/bulk/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(operationId = "getBulk", summary = "A bulk send's progress (scope messages:read)")
  BulkProgress get(@PathVariable String id) {
    return sends.progress(id);
  }

  @PostMapping(path = "/api/bulk/{id}/pause", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      operationId = "pauseBulk",
      summary = "Start no further messages until resumed (scope messages:write)")
  ResponseEntity<BulkProgress> pause(@PathVariable String id) {
    return signal(id, BulkSendWorkflow::pause);
  }

  @PostMapping(path = "/api/bulk/{id}/resume", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      operationId = "resumeBulk",
      summary = "Resume a paused bulk send (scope messages:write)")
  ResponseEntity<BulkProgress> resume(@PathVariable String id) {
    return signal(id, BulkSendWorkflow::resume);
  }

  @PostMapping(path = "/api/bulk/{id}/cancel", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      operationId = "cancelBulk",
      summary = "Cancel the messages not yet sent (scope messages:write)")
  ResponseEntity<BulkProgress> cancel(@PathVariable String id) {
    return signal(id, BulkSendWorkflow::cancel);
  }

  private ResponseEntity<BulkProgress> signal(String id, Consumer<BulkSendWorkflow> signal) {
    return ResponseEntity.accepted().body(sends.signal(id, signal));
  }
}

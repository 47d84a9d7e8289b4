package io.switchboard.api.voice.outbound;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.voice.outbound.OutboundCallRecord;
import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Outbound calls: initiate with an idempotency key, then follow them at /api/calls/{key}. */
@RestController
@RequestMapping(path = "/api/calls", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Calls")
public class OutboundCallController {

  private final CallRequestValidator validator;
  private final OutboundCallStarter starter;
  private final OutboundCalls calls;

  OutboundCallController(
      CallRequestValidator validator, OutboundCallStarter starter, OutboundCalls calls) {
    this.validator = validator;
    this.starter = starter;
    this.calls = calls;
  }

  @PostMapping(path = "/initiate", consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      operationId = "initiateCall",
      summary = "Place an outbound call (scope calls:write)",
      description =
          "Accepted calls are placed by a durable workflow (outbound-call:{key}): at callAt, within"
              + " the account's calls-per-second limit, once whatever the retries, again per the"
              + " retry policy when nobody answers. A person is handed to the flow (or hears the"
              + " TwiML); an answering machine gets the voicemail or a hang-up. Twilio's refusals"
              + " (21214, 21215, 21216, …) end the call with their code. The 202 comes once the"
              + " call and its workflow's start are committed; the workflow starts a moment later"
              + " (or, with Temporal unreachable, when it is back). The same Idempotency-Key"
              + " with the same body answers the same call; with another body, 422.")
  @ApiResponse(responseCode = "202", description = "Accepted; follow it at Location")
  @ApiResponse(
      responseCode = "422",
      description = "Idempotency-Key reused for another request",
      content =
          @Content(
              mediaType = "application/problem+json",
              schema = @Schema(ref = "#/components/schemas/Problem")))
  ResponseEntity<OutboundCallView> initiate(
      @Parameter(description = "Names this call; repeat it to retry safely", required = true)
          @RequestHeader(name = "Idempotency-Key", required = false)
          String idempotencyKey,
      @RequestBody InitiateCallRequest request) {
    OutboundCallRecord accepted = starter.accept(validator.validate(idempotencyKey, request));
    return ResponseEntity.accepted()
        .location(URI.create("/api/calls/" + accepted.id()))
        .body(calls.recorded(accepted));
  }
}

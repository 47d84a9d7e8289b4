package io.switchboard.api.voice;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.api.voice.outbound.OutboundCalls;
import io.switchboard.api.web.NotFoundException;
import io.switchboard.voice.CallEventRepository;
import io.switchboard.voice.CallRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Calls as recorded in PostgreSQL, and outbound calls by their idempotency key. */
@RestController
@RequestMapping(path = "/api/calls", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Calls")
public class CallController {

  private static final int MAX_PAGE = 200;

  private final CallRepository calls;
  private final CallEventRepository events;
  private final OutboundCalls outbound;

  public CallController(CallRepository calls, CallEventRepository events, OutboundCalls outbound) {
    this.calls = calls;
    this.events = events;
    this.outbound = outbound;
  }

  @GetMapping("/{id}")
  @Operation(
      operationId = "getCall",
      summary = "A call and every status it went through (scope calls:read)",
      description =
          "By CallSid, or by the Idempotency-Key of a call placed through /api/calls/initiate:"
              + " then `outbound` adds the request's attempts, their events and the workflow's"
              + " live state.")
  CallView get(@PathVariable String id) {
    Optional<CallView> call = byCallSid(id);
    if (call.isPresent()) {
      return call.get();
    }
    return outbound
        .find(id)
        .map(
            placed ->
                CallView.of(
                    placed,
                    placed.callSid() == null ? null : byCallSid(placed.callSid()).orElse(null)))
        .orElseThrow(() -> new NotFoundException("No call " + id + " is recorded."));
  }

  @GetMapping
  @Operation(
      operationId = "listCalls",
      summary = "Calls, newest first, filtered (scope calls:read)")
  List<CallView> list(
      @Parameter(description = "inbound, outbound-api, …") @RequestParam(required = false)
          String direction,
      @RequestParam(required = false) String status,
      @Parameter(description = "Only calls started before this instant (for paging)")
          @RequestParam(required = false)
          Instant before,
      @RequestParam(defaultValue = "50") int limit) {
    if (limit < 1 || limit > MAX_PAGE) {
      throw new ResponseStatusException(
          org.springframework.http.HttpStatus.BAD_REQUEST, "'limit' must be between 1 and 200.");
    }
    return calls.search(direction, status, before, limit).stream()
        .map(call -> CallView.of(call, List.of()))
        .toList();
  }

  private Optional<CallView> byCallSid(String callSid) {
    return calls
        .findById(callSid)
        .map(call -> CallView.of(call, events.findByCallSidOrderByOccurredAtAscIdAsc(callSid)));
  }
}

package io.switchboard.api.inbox;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.api.web.NotFoundException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The inbox as operators see it: every webhook we accepted, where it went, and replay of one or a
 * range. Replay re-dispatches through the relay; workflows ignore what they have already seen.
 */
@RestController
@RequestMapping(path = "/api/webhook-events", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Webhook events")
public class WebhookEventController {

  private final InboxQueries queries;

  public WebhookEventController(InboxQueries queries) {
    this.queries = queries;
  }

  @GetMapping
  @Operation(
      operationId = "listWebhookEvents",
      summary = "Webhooks received, newest first, filtered (scope webhooks:read)")
  List<InboxEvent> list(
      @RequestParam(required = false) WebhookKind kind,
      @RequestParam(required = false) DispatchState state,
      @RequestParam(required = false) @Pattern(regexp = "[A-Za-z0-9]{1,64}") String sid,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
          Instant from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
          Instant to,
      @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
    return queries.search(new InboxFilter(kind, state, sid, from, to), limit);
  }

  @GetMapping("/{id}")
  @Operation(operationId = "getWebhookEvent", summary = "One webhook (scope webhooks:read)")
  InboxEvent get(@PathVariable long id) {
    return queries.find(id).orElseThrow(() -> new NotFoundException("No webhook event " + id));
  }

  /**
   * How many events were queued for dispatch again.
   *
   * @param requeued the count
   */
  public record ReplayResult(int requeued) {}

  @PostMapping("/{id}/replay")
  @Operation(
      operationId = "replayWebhookEvent",
      summary = "Dispatch one webhook again (scope webhooks:replay)")
  ReplayResult replay(@PathVariable long id) {
    InboxEvent event =
        queries.find(id).orElseThrow(() -> new NotFoundException("No webhook event " + id));
    if (!event.kind().asynchronous()) {
      throw new IllegalArgumentException(
          "Voice turns are answered in their own request and cannot be replayed.");
    }
    return new ReplayResult(queries.requeue(id));
  }

  @PostMapping(path = "/replay", consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      operationId = "replayWebhookEvents",
      summary =
          "Dispatch again every asynchronous webhook matching a filter (scope webhooks:replay)")
  ReplayResult replayRange(@Valid @RequestBody InboxFilter filter) {
    return new ReplayResult(queries.requeue(filter));
  }
}

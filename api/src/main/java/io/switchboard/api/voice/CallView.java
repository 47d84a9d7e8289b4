package io.switchboard.api.voice;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.switchboard.api.voice.outbound.OutboundCallView;
import io.switchboard.voice.CallEventRecord;
import io.switchboard.voice.CallRecord;
import java.time.Instant;
import java.util.List;

/**
 * A call as the REST API returns it.
 *
 * @param callSid Twilio's CallSid
 * @param from the caller
 * @param to the called number
 * @param direction inbound or outbound
 * @param status the last recorded status
 * @param startedAt when the call reached us
 * @param updatedAt when its record last changed
 * @param endedAt when it ended, if it has
 * @param events every status the call went through, and its transfers into flows, oldest first
 * @param outbound for a call placed through {@code /api/calls/initiate} and asked for by its
 *     idempotency key: the request, its attempts and live state; else absent
 */
public record CallView(
    String callSid,
    String from,
    String to,
    String direction,
    String status,
    Instant startedAt,
    Instant updatedAt,
    Instant endedAt,
    List<Event> events,
    OutboundCallView outbound) {

  /**
   * One status change, or an event beside the statuses: a transfer into a flow, a queued callback's
   * progress.
   *
   * @param status Twilio's status, or an event such as {@code callback-requested}
   * @param occurredAt when
   * @param detail more about an event (an agent, an outbound call's key), else absent
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Event(String status, Instant occurredAt, String detail) {}

  static CallView of(CallRecord call, List<CallEventRecord> events) {
    return new CallView(
        call.callSid(),
        call.fromNumber(),
        call.toNumber(),
        call.direction(),
        call.status(),
        call.startedAt(),
        call.updatedAt(),
        call.endedAt(),
        events.stream()
            .map(event -> new Event(event.status(), event.occurredAt(), event.detail()))
            .toList(),
        null);
  }

  /** An outbound call asked for by its key, with its current attempt's call when there is one. */
  static CallView of(OutboundCallView outbound, CallView attempt) {
    if (attempt != null) {
      return new CallView(
          attempt.callSid(),
          attempt.from(),
          attempt.to(),
          attempt.direction(),
          attempt.status(),
          attempt.startedAt(),
          attempt.updatedAt(),
          attempt.endedAt(),
          attempt.events(),
          outbound);
    }
    return new CallView(
        outbound.callSid(),
        outbound.from(),
        outbound.to(),
        "outbound-api",
        outbound.status(),
        outbound.createdAt(),
        outbound.updatedAt(),
        null,
        List.of(),
        outbound);
  }
}

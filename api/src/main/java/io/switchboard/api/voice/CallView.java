package io.switchboard.api.voice;

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
 * @param events every status the call went through, oldest first
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
    List<Event> events) {

  /** One status change. */
  public record Event(String status, Instant occurredAt) {}

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
        events.stream().map(event -> new Event(event.status(), event.occurredAt())).toList());
  }
}

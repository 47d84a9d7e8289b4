package io.switchboard.api.voice.outbound;

import io.switchboard.voice.outbound.OutboundCallEventRecord;
import io.switchboard.voice.outbound.OutboundCallRecord;
import io.switchboard.voice.outbound.OutboundCallState;
import java.time.Instant;
import java.util.List;

/**
 * An outbound call as the REST API returns it: the record, the workflow's live state when it still
 * runs, and every status of every attempt.
 *
 * @param id the idempotency key
 * @param callSid the CallSid of the current or last attempt
 * @param from our caller ID
 * @param to the called number
 * @param flow the flow a person is handed to, if any
 * @param status the last recorded status
 * @param attempt the attempt under way or last made
 * @param answeredBy Twilio's AnsweredBy, when machine detection was on
 * @param errorCode Twilio's error code when the call was refused
 * @param errorMessage why
 * @param metadata the labels given at initiate, as JSON
 * @param live the running workflow's state, or null once it is done
 * @param createdAt when it was accepted
 * @param updatedAt when its record last changed
 * @param events every status, oldest first
 */
public record OutboundCallView(
    String id,
    String callSid,
    String from,
    String to,
    String flow,
    String status,
    int attempt,
    String answeredBy,
    Integer errorCode,
    String errorMessage,
    String metadata,
    Live live,
    Instant createdAt,
    Instant updatedAt,
    List<Event> events) {

  /**
   * The workflow's view, from its {@code getState} query.
   *
   * @param status the current status
   * @param attempt the attempt under way
   * @param callSid its CallSid
   * @param answeredBy its AnsweredBy
   * @param dialStatus how the Dial in the call's answer ended (a queued callback's agent), once
   *     Twilio reported it
   */
  public record Live(
      String status, int attempt, String callSid, String answeredBy, String dialStatus) {}

  /** One status of one attempt. */
  public record Event(
      int attempt,
      String callSid,
      String status,
      String answeredBy,
      Integer errorCode,
      Instant occurredAt) {}

  static OutboundCallView of(
      OutboundCallRecord call, OutboundCallState state, List<OutboundCallEventRecord> events) {
    Live live =
        state == null || state.ended()
            ? null
            : new Live(
                state.status(),
                state.attempt(),
                state.callSid(),
                state.answeredBy(),
                state.dialStatus());
    return new OutboundCallView(
        call.id(),
        call.callSid(),
        call.fromNumber(),
        call.toNumber(),
        call.flowName(),
        call.status(),
        call.attempt(),
        call.answeredBy(),
        call.errorCode(),
        call.errorMessage(),
        call.metadata(),
        live,
        call.createdAt(),
        call.updatedAt(),
        events.stream()
            .map(
                e ->
                    new Event(
                        e.attempt(),
                        e.callSid(),
                        e.status(),
                        e.answeredBy(),
                        e.errorCode(),
                        e.occurredAt()))
            .toList());
  }
}

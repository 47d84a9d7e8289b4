package io.switchboard.voice;

import java.time.Instant;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Records calls in PostgreSQL for the REST API. */
@Component("voiceActivities")
public class VoiceActivitiesImpl implements VoiceActivities {

  private final CallRepository calls;
  private final CallEventRepository events;
  private final AgentRepository agents;

  public VoiceActivitiesImpl(
      CallRepository calls, CallEventRepository events, AgentRepository agents) {
    this.calls = calls;
    this.events = events;
    this.agents = agents;
  }

  @Override
  @Transactional
  public void recordCall(CallRecordRequest request) {
    Instant at = Instant.ofEpochMilli(request.occurredAtMillis());
    boolean isFinal = CallStatuses.isFinal(request.status());
    calls.upsert(
        request.callSid(),
        request.accountSid(),
        request.from(),
        request.to(),
        request.direction(),
        request.status(),
        at,
        isFinal);
    events.add(request.callSid(), request.status(), at);
    if (isFinal) {
      // A caller who hung up on hold is out of line at once, rather than after the liveness window;
      // a queued callback keeps its place.
      agents.leaveLine(request.callSid(), false);
    }
  }

  @Override
  public void recordCallEvent(CallEventRequest request) {
    events.addDetailed(
        request.callSid(),
        request.event(),
        Instant.ofEpochMilli(request.occurredAtMillis()),
        request.detail());
  }
}

package io.switchboard.voice;

import java.time.Instant;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Records calls in PostgreSQL for the REST API. */
@Component("voiceActivities")
public class VoiceActivitiesImpl implements VoiceActivities {

  private final CallRepository calls;
  private final CallEventRepository events;

  public VoiceActivitiesImpl(CallRepository calls, CallEventRepository events) {
    this.calls = calls;
    this.events = events;
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

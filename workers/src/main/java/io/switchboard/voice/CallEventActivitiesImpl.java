package io.switchboard.voice;

import java.time.Instant;
import org.springframework.stereotype.Component;

/** Writes a call's non-status events (transfers into flows) beside its statuses. */
@Component("callEventActivities")
public class CallEventActivitiesImpl implements CallEventActivities {

  private final CallEventRepository events;

  public CallEventActivitiesImpl(CallEventRepository events) {
    this.events = events;
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

package io.switchboard.voice;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Side effects of a call session. Every method is idempotent: Temporal may run it again. */
@ActivityInterface
public interface VoiceActivities {

  /** Creates the call's row, or updates its status if the row exists. */
  @ActivityMethod
  void recordCall(CallRecordRequest request);

  /** Adds an event to the call's history, once; the call's status stays as it is. */
  @ActivityMethod
  void recordCallEvent(CallEventRequest request);
}

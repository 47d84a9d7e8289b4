package io.switchboard.voice;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * Writes an event of a call that is not a status change (a transfer into a flow) to the call's
 * recorded events. Idempotent: a retry with the same request adds nothing.
 */
@ActivityInterface
public interface CallEventActivities {

  @ActivityMethod
  void recordCallEvent(CallEventRequest request);
}

package io.switchboard.voice.control;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * Twilio REST actions on live calls. Failures are {@code ApplicationFailure}s typed by {@link
 * io.switchboard.common.TwilioFailureType} with Twilio's code as their detail.
 */
@ActivityInterface
public interface CallControlActivities {

  /**
   * Applies the command. Redirects, hang-ups and recording state changes are idempotent at Twilio;
   * starting a recording is not, so a retry first looks for the recording an earlier attempt
   * started.
   */
  @ActivityMethod
  CallCommandResult apply(CallCommand command);
}

package io.switchboard.voice.control;

import static io.switchboard.common.SwitchboardSearchAttributes.CALL_SID;
import static io.switchboard.common.SwitchboardSearchAttributes.CHANNEL;
import static io.switchboard.common.SwitchboardSearchAttributes.COMM_STATUS;

import io.switchboard.common.TwilioFailureType;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/**
 * Applies one command with a short, bounded retry: a person waits for the answer on the other end
 * of the REST call, and a call that ended meanwhile is an answer too (Twilio's refusal, with its
 * code), not a failure.
 */
public class CallControlWorkflowImpl implements CallControlWorkflow {

  /**
   * Commands from before search attributes replay without the upserts they never made; from this
   * version on, the command's CallSid and the call's status after it are published.
   */
  static final String SEARCH_ATTRIBUTES_CHANGE = "search-attributes";

  private final CallControlActivities activities =
      Workflow.newActivityStub(
          CallControlActivities.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofSeconds(10))
              .setRetryOptions(
                  RetryOptions.newBuilder()
                      .setInitialInterval(Duration.ofMillis(500))
                      .setBackoffCoefficient(2.0)
                      .setMaximumAttempts(4)
                      .setDoNotRetry(TwilioFailureType.TWILIO_REJECTED.name())
                      .build())
              .build());

  @Override
  public CallCommandResult control(CallCommand command) {
    boolean publish =
        Workflow.getVersion(SEARCH_ATTRIBUTES_CHANGE, Workflow.DEFAULT_VERSION, 1) >= 1;
    if (publish) {
      // Ops find every command sent to a call by the call's SID.
      Workflow.upsertTypedSearchAttributes(
          CALL_SID.valueSet(command.callSid()), CHANNEL.valueSet("voice"));
    }
    try {
      CallCommandResult result = activities.apply(command);
      if (publish && result.callStatus() != null) {
        Workflow.upsertTypedSearchAttributes(COMM_STATUS.valueSet(result.callStatus()));
      }
      return result;
    } catch (ActivityFailure failure) {
      if (failure.getCause() instanceof ApplicationFailure cause
          && TwilioFailureType.TWILIO_REJECTED.name().equals(cause.getType())) {
        Integer code =
            cause.getDetails().getSize() == 0
                ? null
                : cause.getDetails().get(0, Integer.class, Integer.class);
        return new CallCommandResult(
            command.callSid(), null, null, null, code, cause.getOriginalMessage());
      }
      throw failure;
    }
  }
}

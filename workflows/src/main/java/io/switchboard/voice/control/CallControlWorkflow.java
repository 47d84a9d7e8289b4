package io.switchboard.voice.control;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One command on a live call (transfer, hang-up, recording control), run for the api, which is a
 * Temporal client only and never calls Twilio itself. Workflow id {@code
 * call-control:{CallSid}:{requestId}}, task queue {@code voice}. Its history is the audit of who
 * changed the call and what Twilio answered.
 */
@WorkflowInterface
public interface CallControlWorkflow {

  @WorkflowMethod
  CallCommandResult control(CallCommand command);
}

package io.switchboard.voice.outbound;

import io.switchboard.voice.CallStatusEvent;
import io.switchboard.voice.VoiceInstruction;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One outbound call, from the request to its last attempt's final status. Workflow id {@code
 * outbound-call:{idempotencyKey}} ({@link OutboundCallWorkflowIds}), task queue {@code outbound}
 * ({@link io.switchboard.common.TaskQueues#OUTBOUND}; queued callbacks of call sessions run on
 * {@code voice}), input {@link OutboundCallRequest}. The api starts it from {@code POST
 * /api/calls/initiate}; other services may start it with their own Temporal client.
 */
@WorkflowInterface
public interface OutboundCallWorkflow {

  @WorkflowMethod
  OutboundCallState place(OutboundCallRequest request);

  /**
   * A status callback of one of the call's attempts. Callbacks of an earlier attempt and older ones
   * (by SequenceNumber) are recorded but change nothing.
   */
  @SignalMethod
  void callStatusChanged(CallStatusEvent event);

  /**
   * The action of the Dial in the request's {@code answer} (a path under {@code /webhooks/voice/}
   * whose {@code workflowId} names this workflow): keeps how the dial ended, for {@link
   * OutboundCallState#dialStatus()}, and answers what the call does next: the request's {@code
   * missedDial} when nobody was reached and it has one, else the answer's verbs after the Dial.
   */
  @UpdateMethod
  VoiceInstruction dialEnded(DialOutcome outcome);

  @QueryMethod
  OutboundCallState getState();
}

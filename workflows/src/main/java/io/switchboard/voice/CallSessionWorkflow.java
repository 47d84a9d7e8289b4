package io.switchboard.voice;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One inbound call, from its first webhook to its final status. Workflow id {@code call:{CallSid}}
 * (see {@link CallWorkflowIds}), task queue {@code voice}. The api starts it with update-with-start
 * on the first voice webhook and sends every later turn as an Update.
 */
@WorkflowInterface
public interface CallSessionWorkflow {

  @WorkflowMethod
  CallState run(CallSessionInput input);

  /** Computes the TwiML for one voice webhook. */
  @UpdateMethod
  VoiceInstruction nextInstruction(VoiceTurn turn);

  @UpdateValidatorMethod(updateName = "nextInstruction")
  void validateNextInstruction(VoiceTurn turn);

  /**
   * Runs a flow from its start on a live call that live-call control redirected to our voice
   * webhook, in place of what the call was doing; starts the session when the call has none (an
   * outbound call that only played TwiML). Answers the flow's first TwiML.
   */
  @UpdateMethod
  VoiceInstruction transferToFlow(FlowTransfer transfer);

  @UpdateValidatorMethod(updateName = "transferToFlow")
  void validateTransferToFlow(FlowTransfer transfer);

  @SignalMethod
  void callStatusChanged(CallStatusEvent event);

  @QueryMethod
  CallState getState();
}

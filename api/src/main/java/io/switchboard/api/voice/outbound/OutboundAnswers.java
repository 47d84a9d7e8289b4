package io.switchboard.api.voice.outbound;

import io.switchboard.voice.CallStatuses;
import io.switchboard.voice.VoiceInstruction;
import io.switchboard.voice.outbound.DialOutcome;
import io.switchboard.voice.outbound.OutboundCallRequest;
import io.switchboard.voice.outbound.OutboundCallRequest.MachineAction;
import io.switchboard.voice.outbound.OutboundCallState;
import io.switchboard.voice.outbound.OutboundCallWorkflowIds;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What an answered outbound call gets. Twilio calls our voice webhook with {@code
 * outbound=outbound-call:{key}} in the query (covered by its signature) once the call is answered
 * and, with machine detection, once the greeting's beep has passed: an answering machine gets the
 * voicemail drop or a hang-up, a person the call's TwiML or its flow, which runs on the same call
 * session as inbound calls, or the TwiML a workflow gave as data (a queued callback dialling the
 * agent reserved for the caller).
 */
@Component
public class OutboundAnswers {

  private final OutboundCalls calls;

  OutboundAnswers(OutboundCalls calls) {
    this.calls = calls;
  }

  /**
   * The answer for a call's first voice webhook.
   *
   * @param instruction what to answer at once (a machine), or null
   * @param twiml the request's own TwiML for a person, or null
   * @param flowName the flow a person is handed to, or null
   */
  public record Plan(VoiceInstruction instruction, String twiml, String flowName) {}

  /** The plan, or empty when the workflow named is not an outbound call we know. */
  public Optional<Plan> plan(String workflowId, String answeredBy) {
    String key = OutboundCallWorkflowIds.key(workflowId);
    if (key == null) {
      return Optional.empty();
    }
    return calls.state(key).map(OutboundCallState::request).map(r -> plan(r, answeredBy));
  }

  static Plan plan(OutboundCallRequest request, String answeredBy) {
    if (request.onMachine() != null && CallStatuses.isMachine(answeredBy)) {
      VoiceInstruction drop =
          request.onMachine() == MachineAction.VOICEMAIL
              ? VoiceInstruction.of(
                  new VoiceInstruction.Say(request.voicemailMessage(), null, null),
                  new VoiceInstruction.Hangup())
              : VoiceInstruction.of(new VoiceInstruction.Hangup());
      return new Plan(drop, null, null);
    }
    if (request.answer() != null) {
      return new Plan(request.answer(), null, null);
    }
    return new Plan(null, request.twiml(), request.flowName());
  }

  /**
   * Hands the outcome of the Dial in a call's answer to the call's workflow, which answers what the
   * call does next (an Update: the outcome is in the workflow's history before Twilio hears the
   * TwiML).
   */
  public VoiceInstruction dialEnded(String workflowId, DialOutcome outcome) {
    return calls.workflow(workflowId).dialEnded(outcome);
  }
}

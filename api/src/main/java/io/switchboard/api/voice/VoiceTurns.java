package io.switchboard.api.voice;

import io.switchboard.api.inbox.InboxProperties;
import io.switchboard.api.inbox.WebhookKind;
import io.switchboard.api.security.TwilioWebhook;
import io.switchboard.api.voice.flow.FlowStore;
import io.switchboard.api.voice.outbound.OutboundAnswers;
import io.switchboard.ops.NumberFingerprint;
import io.switchboard.voice.CallSessionInput;
import io.switchboard.voice.FlowTransfer;
import io.switchboard.voice.VoiceInstruction;
import io.switchboard.voice.VoiceTurn;
import io.switchboard.voice.flow.Flow;
import io.switchboard.voice.outbound.DialOutcome;
import io.switchboard.voice.outbound.OutboundCallWorkflowIds;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/** Gets a voice turn's TwiML from the call's session within the voice time budget. */
@Component
public class VoiceTurns {

  static final VoiceInstruction FALLBACK =
      VoiceInstruction.of(
          new VoiceInstruction.Say(
              "We are sorry, we cannot take your call right now. Please try again later."),
          new VoiceInstruction.Hangup());

  private static final Logger log = LoggerFactory.getLogger(VoiceTurns.class);

  private final CallSessions sessions;
  private final OutboundAnswers outbound;
  private final FlowStore flows;
  private final TwimlRenderer twiml;
  private final Executor executor;
  private final Clock clock;
  private final long budgetMillis;
  private final NumberFingerprint fingerprint;

  public VoiceTurns(
      CallSessions sessions,
      OutboundAnswers outbound,
      FlowStore flows,
      TwimlRenderer twiml,
      @Qualifier("voiceAnswerExecutor") Executor executor,
      Clock clock,
      InboxProperties inbox,
      NumberFingerprint fingerprint) {
    this.fingerprint = fingerprint;
    this.sessions = sessions;
    this.outbound = outbound;
    this.flows = flows;
    this.twiml = twiml;
    this.executor = executor;
    this.clock = clock;
    this.budgetMillis = inbox.voiceBudget().toMillis();
  }

  /**
   * The TwiML for a turn.
   *
   * @param twiml what to answer Twilio
   * @param fromWorkflow whether the session computed it (else it is the fallback)
   * @param error why the session did not, else null
   */
  public record Answer(String twiml, boolean fromWorkflow, String error) {}

  public Answer answer(TwilioWebhook webhook, WebhookKind kind, String step) {
    String callSid = webhook.param("CallSid");
    VoiceTurn turn = new VoiceTurn(callSid, turnKind(kind), webhook.parameters(), step);
    // Every kind of turn uses update-with-start: a turn for a call whose session is gone (it
    // closed when idle, or the first webhook never reached Temporal) starts one rather than fail.
    // The flow lookup counts against the same time budget as the session's answer.
    long askedAt = clock.millis();
    CompletableFuture<String> answer =
        CompletableFuture.supplyAsync(() -> compute(webhook, kind, turn), executor);
    try {
      return new Answer(answer.get(budgetMillis, TimeUnit.MILLISECONDS), true, null);
    } catch (TimeoutException e) {
      log.warn("call session {} did not answer within {} ms", callSid, budgetMillis);
      reportLateOutcome(callSid, answer, askedAt);
      return new Answer(fallbackTwiml(), false, "no answer within " + budgetMillis + " ms");
    } catch (ExecutionException e) {
      log.error("call session {} failed to answer", callSid, e.getCause());
      return new Answer(fallbackTwiml(), false, String.valueOf(e.getCause()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Answer(fallbackTwiml(), false, "interrupted");
    }
  }

  /**
   * Logs how a turn answered with the fallback ended after all: a session that started late, or a
   * start that failed, is otherwise only visible as a FAILED inbox row.
   */
  private void reportLateOutcome(
      String callSid, CompletableFuture<String> answer, long askedAtMillis) {
    answer.whenComplete(
        (twiml, error) -> {
          long after = clock.millis() - askedAtMillis;
          if (error == null) {
            log.info(
                "call session {} answered {} ms after the turn, past the budget", callSid, after);
          } else {
            log.warn(
                "call session {} failed {} ms after the turn, past the budget: {}",
                callSid,
                after,
                String.valueOf(error.getCause() == null ? error : error.getCause()));
          }
        });
  }

  /**
   * The TwiML of a turn. The first webhook of an outbound call asks the call's workflow what the
   * call is for: a machine's voicemail, the request's TwiML, or a flow run by the call session. The
   * action of a Dial in an outbound call's answer (a queued callback's agent) goes to that call's
   * workflow, named in the action's query.
   */
  private String compute(TwilioWebhook webhook, WebhookKind kind, VoiceTurn turn) {
    String transferFlow = kind == WebhookKind.VOICE ? webhook.queryParam("transferFlow") : null;
    if (transferFlow != null) {
      return transfer(webhook, transferFlow);
    }
    String dialOf = kind == WebhookKind.VOICE_ACTION ? webhook.queryParam("workflowId") : null;
    if (dialOf != null && OutboundCallWorkflowIds.key(dialOf) != null) {
      DialOutcome outcome =
          new DialOutcome(webhook.param("CallSid"), webhook.param("DialCallStatus"));
      return twiml.render(outbound.dialEnded(dialOf, outcome));
    }
    String outboundId = kind == WebhookKind.VOICE ? webhook.queryParam("outbound") : null;
    if (outboundId == null) {
      return twiml.render(sessions.answer(input(webhook, kind), turn));
    }
    OutboundAnswers.Plan plan =
        outbound
            .plan(outboundId, webhook.param("AnsweredBy"))
            .orElseThrow(() -> new IllegalStateException("no outbound call " + outboundId));
    if (plan.instruction() != null) {
      return twiml.render(plan.instruction());
    }
    if (plan.twiml() != null) {
      return plan.twiml();
    }
    Flow flow = flows.find(plan.flowName(), null).orElse(null);
    return twiml.render(sessions.answer(input(webhook, flow), turn));
  }

  /**
   * A live call that live-call control redirected here with a flow and its version (in the query,
   * under Twilio's signature): the session runs that version, whatever was published since.
   */
  private String transfer(TwilioWebhook webhook, String flowName) {
    Integer version = version(webhook.queryParam("flowVersion"));
    Flow flow =
        flows
            .find(flowName, version)
            .orElseThrow(() -> new IllegalStateException("no flow " + flowName + " v" + version));
    FlowTransfer transfer = new FlowTransfer(webhook.param("CallSid"), flow, webhook.parameters());
    return twiml.render(sessions.transfer(input(webhook, flow), transfer));
  }

  private static Integer version(String value) {
    try {
      return value == null ? null : Integer.valueOf(value);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * The session's input, used only if this turn starts it. The first webhook pins the latest
   * version of the number's flow; later turns need none, since their session has it.
   */
  private CallSessionInput input(TwilioWebhook webhook, WebhookKind kind) {
    Flow flow =
        kind == WebhookKind.VOICE ? flows.forNumber(webhook.param("To")).orElse(null) : null;
    return input(webhook, flow);
  }

  private CallSessionInput input(TwilioWebhook webhook, Flow flow) {
    CallSessionInput input =
        new CallSessionInput(
            webhook.param("CallSid"),
            webhook.param("AccountSid"),
            webhook.param("From"),
            webhook.param("To"),
            webhook.param("Direction") == null ? "inbound" : webhook.param("Direction"),
            clock.millis(),
            flow);
    // Computed here, outside workflow code: the key never enters a workflow.
    return input.withParticipantFingerprint(fingerprint.of(input.participantNumber()));
  }

  public String fallbackTwiml() {
    return twiml.render(FALLBACK);
  }

  /** Refuses a call without answering it: the caller hears busy, and it costs nothing. */
  public String rejectTwiml() {
    return twiml.reject();
  }

  private static VoiceTurn.TurnKind turnKind(WebhookKind kind) {
    return switch (kind) {
      case VOICE_ACTION -> VoiceTurn.TurnKind.ACTION;
      case VOICE_FALLBACK -> VoiceTurn.TurnKind.FALLBACK;
      default -> VoiceTurn.TurnKind.ANSWER;
    };
  }
}

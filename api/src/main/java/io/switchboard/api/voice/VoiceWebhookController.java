package io.switchboard.api.voice;

import io.switchboard.api.security.TwilioWebhook;
import io.switchboard.voice.CallSessionInput;
import io.switchboard.voice.VoiceInstruction;
import io.switchboard.voice.VoiceTurn;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers Twilio's voice webhook with TwiML computed by the call's session workflow. A voice
 * webhook must never get a 5xx: Twilio would end the call. When the workflow cannot answer in time,
 * the caller hears a short apology instead.
 */
@RestController
public class VoiceWebhookController {

  /** Twilio waits 15 s for TwiML, but a caller hears silence long before that. */
  static final long ANSWER_BUDGET_MILLIS = 2_000;

  static final VoiceInstruction FALLBACK =
      VoiceInstruction.of(
          new VoiceInstruction.Say(
              "We are sorry, we cannot take your call right now. Please try again later."),
          new VoiceInstruction.Hangup());

  private static final Logger log = LoggerFactory.getLogger(VoiceWebhookController.class);

  private final CallSessions sessions;
  private final TwimlRenderer twiml;
  private final Executor executor;
  private final Clock clock;

  public VoiceWebhookController(
      CallSessions sessions,
      TwimlRenderer twiml,
      @Qualifier("voiceAnswerExecutor") Executor executor,
      Clock clock) {
    this.sessions = sessions;
    this.twiml = twiml;
    this.executor = executor;
    this.clock = clock;
  }

  @PostMapping(path = "/webhooks/voice", produces = MediaType.APPLICATION_XML_VALUE)
  ResponseEntity<String> answer(@RequestAttribute(TwilioWebhook.ATTRIBUTE) TwilioWebhook webhook) {
    String callSid = webhook.param("CallSid");
    if (callSid == null || callSid.isBlank()) {
      return ResponseEntity.status(HttpStatus.BAD_REQUEST)
          .contentType(MediaType.APPLICATION_XML)
          .body(twiml.render(FALLBACK));
    }
    CallSessionInput input =
        new CallSessionInput(
            callSid,
            webhook.param("AccountSid"),
            webhook.param("From"),
            webhook.param("To"),
            webhook.param("Direction") == null ? "inbound" : webhook.param("Direction"),
            clock.millis());
    VoiceTurn turn = new VoiceTurn(callSid, VoiceTurn.TurnKind.ANSWER, webhook.parameters());
    return xml(twiml.render(answerWithinBudget(input, turn)));
  }

  private VoiceInstruction answerWithinBudget(CallSessionInput input, VoiceTurn turn) {
    CompletableFuture<VoiceInstruction> answer =
        CompletableFuture.supplyAsync(() -> sessions.answer(input, turn), executor);
    try {
      return answer.get(ANSWER_BUDGET_MILLIS, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      log.warn(
          "call session {} did not answer within {} ms", input.callSid(), ANSWER_BUDGET_MILLIS);
    } catch (ExecutionException e) {
      log.error("call session {} failed to answer", input.callSid(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return FALLBACK;
  }

  private static ResponseEntity<String> xml(String body) {
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(body);
  }
}

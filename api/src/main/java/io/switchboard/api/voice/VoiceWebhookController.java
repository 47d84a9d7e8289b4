package io.switchboard.api.voice;

import io.swagger.v3.oas.annotations.Hidden;
import io.switchboard.api.inbox.DispatchState;
import io.switchboard.api.inbox.InboxEvent;
import io.switchboard.api.inbox.InboxProperties;
import io.switchboard.api.inbox.WebhookIntake;
import io.switchboard.api.inbox.WebhookKind;
import io.switchboard.api.ingress.NumberRateLimiter;
import io.switchboard.api.ingress.WebhookRouting;
import io.switchboard.api.security.TwilioWebhook;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers Twilio's voice webhooks with TwiML computed by the call's session workflow, after the
 * webhook is committed to the inbox. A voice webhook never gets a 5xx for a Temporal problem:
 * Twilio would end the call, so the caller hears a short apology instead.
 */
@Hidden
@RestController
public class VoiceWebhookController {

  private static final String XML = MediaType.APPLICATION_XML_VALUE;

  private final VoiceTurns turns;
  private final WebhookIntake intake;
  private final NumberRateLimiter callers;
  private final InboxProperties inbox;

  public VoiceWebhookController(
      VoiceTurns turns,
      WebhookIntake intake,
      @Qualifier("callerRateLimiter") NumberRateLimiter callers,
      InboxProperties inbox) {
    this.turns = turns;
    this.intake = intake;
    this.callers = callers;
    this.inbox = inbox;
  }

  @PostMapping(path = "/webhooks/voice", produces = XML)
  ResponseEntity<String> answer(
      @RequestAttribute(TwilioWebhook.ATTRIBUTE) TwilioWebhook webhook,
      HttpServletRequest request) {
    return turn(webhook, WebhookKind.VOICE, null, request);
  }

  @PostMapping(path = "/webhooks/voice/fallback", produces = XML)
  ResponseEntity<String> fallback(
      @RequestAttribute(TwilioWebhook.ATTRIBUTE) TwilioWebhook webhook,
      HttpServletRequest request) {
    return turn(webhook, WebhookKind.VOICE_FALLBACK, null, request);
  }

  @PostMapping(path = "/webhooks/voice/{step}", produces = XML)
  ResponseEntity<String> action(
      @RequestAttribute(TwilioWebhook.ATTRIBUTE) TwilioWebhook webhook,
      @PathVariable String step,
      HttpServletRequest request) {
    return turn(webhook, WebhookKind.VOICE_ACTION, step, request);
  }

  private ResponseEntity<String> turn(
      TwilioWebhook webhook, WebhookKind kind, String step, HttpServletRequest request) {
    String callSid = webhook.param("CallSid");
    if (callSid == null || callSid.isBlank()) {
      return xml(HttpStatus.BAD_REQUEST, turns.fallbackTwiml());
    }
    String workflowId = WebhookRouting.workflowId(kind, webhook);
    // Outbound calls are ours (From is our number), and a transfer moves a call already answered:
    // the per-caller limit is for new inbound callers.
    boolean limited =
        kind == WebhookKind.VOICE
            && webhook.queryParam("outbound") == null
            && webhook.queryParam("transferFlow") == null
            && !callers.tryAcquire(webhook.param("From"));
    WebhookIntake.Recorded recorded =
        intake.record(
            webhook,
            kind,
            request.getRequestURI(),
            workflowId,
            limited ? DispatchState.RATE_LIMITED : DispatchState.PENDING);
    if (recorded.redelivery()) {
      return xml(HttpStatus.OK, firstAnswer(recorded));
    }
    if (limited) {
      String reject = turns.rejectTwiml();
      intake.inbox().complete(recorded.id(), DispatchState.RATE_LIMITED, null, 200, XML, reject);
      return xml(HttpStatus.OK, reject);
    }
    VoiceTurns.Answer answer = turns.answer(webhook, kind, step);
    intake
        .inbox()
        .complete(
            recorded.id(),
            answer.fromWorkflow() ? DispatchState.DISPATCHED : DispatchState.FAILED,
            answer.error(),
            200,
            XML,
            answer.twiml());
    return xml(HttpStatus.OK, answer.twiml());
  }

  /**
   * A redelivery gets what the first delivery got. If the first is still being answered, wait for
   * it within the voice budget rather than start a second turn.
   */
  private String firstAnswer(WebhookIntake.Recorded recorded) {
    long deadline = System.nanoTime() + inbox.voiceBudget().toNanos();
    Optional<InboxEvent> first = recorded.first();
    while (first.isPresent() && first.get().responseBody() == null) {
      if (System.nanoTime() > deadline) {
        return turns.fallbackTwiml();
      }
      sleep(50);
      first = intake.inbox().find(recorded.id());
    }
    return first.map(InboxEvent::responseBody).orElseGet(turns::fallbackTwiml);
  }

  private static ResponseEntity<String> xml(HttpStatus status, String body) {
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_XML).body(body);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

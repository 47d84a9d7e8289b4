package io.switchboard.api.ingress;

import io.swagger.v3.oas.annotations.Hidden;
import io.switchboard.api.inbox.DispatchState;
import io.switchboard.api.inbox.InboxEvent;
import io.switchboard.api.inbox.WebhookIntake;
import io.switchboard.api.inbox.WebhookKind;
import io.switchboard.api.messaging.InboundMessages;
import io.switchboard.api.messaging.InboundReply;
import io.switchboard.api.security.TwilioWebhook;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RestController;

/**
 * Status, message, recording and transcription webhooks: acknowledged as soon as the inbox row
 * commits, then handed to their workflow. Temporal being down delays them; it never loses them.
 */
@Hidden
@RestController
public class AsyncWebhookController {

  static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";

  private final WebhookIntake intake;
  private final NumberRateLimiter senders;
  private final InboundMessages inboundMessages;
  private final MessagingTwiml replies;

  public AsyncWebhookController(
      WebhookIntake intake,
      @Qualifier("senderRateLimiter") NumberRateLimiter senders,
      InboundMessages inboundMessages,
      MessagingTwiml replies) {
    this.intake = intake;
    this.senders = senders;
    this.inboundMessages = inboundMessages;
    this.replies = replies;
  }

  @PostMapping(path = "/webhooks/status", produces = MediaType.APPLICATION_XML_VALUE)
  ResponseEntity<String> status(
      @RequestAttribute(TwilioWebhook.ATTRIBUTE) TwilioWebhook webhook,
      HttpServletRequest request) {
    return accept(webhook, WebhookKind.STATUS, request);
  }

  /**
   * An inbound message is handled while Twilio waits, so that a keyword's auto-reply can be the
   * answer; it is committed first, so a failure there leaves it to the relay, not lost. What takes
   * longer (its media, forwarding it) is its {@code inbound-message:{MessageSid}} workflow's,
   * started off the request thread like any asynchronous webhook's dispatch.
   */
  @PostMapping(path = "/webhooks/sms", produces = MediaType.APPLICATION_XML_VALUE)
  ResponseEntity<String> sms(
      @RequestAttribute(TwilioWebhook.ATTRIBUTE) TwilioWebhook webhook,
      HttpServletRequest request) {
    if (webhook.param("From") == null
        || webhook.param("To") == null
        || webhook.param("MessageSid") == null && webhook.param("SmsSid") == null) {
      return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_XML).body(EMPTY_TWIML);
    }
    String workflowId = WebhookRouting.workflowId(WebhookKind.SMS, webhook);
    DispatchState initial = initialState(WebhookKind.SMS, webhook, workflowId);
    WebhookIntake.Recorded recorded =
        intake.record(webhook, WebhookKind.SMS, request.getRequestURI(), workflowId, initial);
    if (recorded.redelivery()) {
      String first = recorded.first().map(InboxEvent::responseBody).orElse(null);
      return xml(first == null ? EMPTY_TWIML : first);
    }
    if (initial != DispatchState.PENDING) {
      return xml(EMPTY_TWIML);
    }
    InboundReply reply = inboundMessages.handle(webhook.parameters());
    String twiml = reply.hasText() ? replies.message(reply.text()) : EMPTY_TWIML;
    intake.inbox().answered(recorded.id(), 200, MediaType.APPLICATION_XML_VALUE, twiml);
    intake.dispatchSoon(recorded.id(), workflowId);
    return xml(twiml);
  }

  private static ResponseEntity<String> xml(String body) {
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(body);
  }

  @PostMapping(path = "/webhooks/recording", produces = MediaType.APPLICATION_XML_VALUE)
  ResponseEntity<String> recording(
      @RequestAttribute(TwilioWebhook.ATTRIBUTE) TwilioWebhook webhook,
      HttpServletRequest request) {
    return accept(webhook, WebhookKind.RECORDING, request);
  }

  @PostMapping(path = "/webhooks/transcription", produces = MediaType.APPLICATION_XML_VALUE)
  ResponseEntity<String> transcription(
      @RequestAttribute(TwilioWebhook.ATTRIBUTE) TwilioWebhook webhook,
      HttpServletRequest request) {
    return accept(webhook, WebhookKind.TRANSCRIPTION, request);
  }

  /** Video room status callbacks: recorded, like every asynchronous webhook, off the thread. */
  @PostMapping(path = "/webhooks/video", produces = MediaType.APPLICATION_XML_VALUE)
  ResponseEntity<String> video(
      @RequestAttribute(TwilioWebhook.ATTRIBUTE) TwilioWebhook webhook,
      HttpServletRequest request) {
    return accept(webhook, WebhookKind.VIDEO, request);
  }

  private ResponseEntity<String> accept(
      TwilioWebhook webhook, WebhookKind kind, HttpServletRequest request) {
    String workflowId = WebhookRouting.workflowId(kind, webhook);
    DispatchState initial = initialState(kind, webhook, workflowId);
    WebhookIntake.Recorded recorded =
        intake.record(webhook, kind, request.getRequestURI(), workflowId, initial);
    if (!recorded.redelivery() && initial == DispatchState.PENDING) {
      intake.dispatchSoon(recorded.id(), workflowId);
    }
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(EMPTY_TWIML);
  }

  private DispatchState initialState(WebhookKind kind, TwilioWebhook webhook, String workflowId) {
    if (kind == WebhookKind.SMS && !senders.tryAcquire(webhook.param("From"))) {
      return DispatchState.RATE_LIMITED;
    }
    if (kind == WebhookKind.SMS || kind == WebhookKind.VIDEO) {
      return DispatchState.PENDING;
    }
    if (workflowId == null) {
      return kind == WebhookKind.STATUS ? DispatchState.ORPHANED : DispatchState.UNROUTED;
    }
    return DispatchState.PENDING;
  }
}

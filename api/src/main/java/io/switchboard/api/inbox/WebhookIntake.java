package io.switchboard.api.inbox;

import io.switchboard.api.security.TwilioWebhook;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/** Commits webhooks to the inbox and starts their dispatch. */
@Component
public class WebhookIntake {

  private static final Logger log = LoggerFactory.getLogger(WebhookIntake.class);

  private final Inbox inbox;
  private final InboxRelay relay;
  private final ExecutorService executor;
  private final InboxProperties properties;

  public WebhookIntake(
      Inbox inbox,
      InboxRelay relay,
      @Qualifier("inboxDispatchExecutor") ExecutorService executor,
      InboxProperties properties) {
    this.inbox = inbox;
    this.relay = relay;
    this.executor = executor;
    this.properties = properties;
  }

  /**
   * The outcome of committing a webhook.
   *
   * @param id the inbox id of this webhook (of the first delivery, for a redelivery)
   * @param redelivery whether the same webhook was already in the inbox
   * @param first the first delivery's event, for a redelivery
   */
  public record Recorded(long id, boolean redelivery, Optional<InboxEvent> first) {}

  /** Commits the webhook; throws when PostgreSQL cannot take it, so that we never answer 200. */
  public Recorded record(
      TwilioWebhook webhook,
      WebhookKind kind,
      String path,
      String workflowId,
      DispatchState initial) {
    String key = DedupeKeys.of(webhook.idempotencyToken(), path, webhook.parameters());
    NewWebhookEvent event =
        new NewWebhookEvent(
            kind, path, key, workflowId, webhook.parameters(), webhook.headers(), initial);
    Duration hold =
        kind.asynchronous() ? properties.hold() : properties.voiceBudget().plus(properties.hold());
    Optional<Long> id = inbox.record(event, hold);
    if (id.isPresent()) {
      return new Recorded(id.get(), false, Optional.empty());
    }
    InboxEvent first = inbox.findByDedupeKey(key).orElseThrow();
    return new Recorded(first.id(), true, Optional.of(first));
  }

  /**
   * Hands a newly committed asynchronous event to its workflow off the request thread, unless an
   * older event of the same workflow is still waiting (then the relay keeps them in order).
   */
  public void dispatchSoon(long id, String workflowId) {
    if (workflowId != null && inbox.hasOlderPending(workflowId, id)) {
      return;
    }
    executor.execute(() -> forwardNow(id));
  }

  /**
   * The event is committed, so a failure here loses nothing: the relay sends it on its schedule.
   * With PostgreSQL down even recording the failure fails; that must not end the pool's thread with
   * an uncaught stack trace (seen in the fault matrix, 2026-12-04).
   */
  private void forwardNow(long id) {
    try {
      inbox.find(id).ifPresent(relay::forward);
    } catch (RuntimeException e) {
      log.warn("inbox event {} left to the relay: {}", id, e.toString());
    }
  }

  public Inbox inbox() {
    return inbox;
  }
}

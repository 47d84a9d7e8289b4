package io.switchboard.api.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Forwards inbox events that have not reached their workflow: those whose first dispatch failed
 * (Temporal down, a timeout) and those replayed by an operator. Oldest first, one workflow's events
 * in order, with exponential backoff, for as long as it takes: an accepted webhook is never
 * dropped.
 */
@Component
public class InboxRelay {

  private static final Logger log = LoggerFactory.getLogger(InboxRelay.class);
  private static final int BATCH = 100;
  private static final int MAX_BATCHES_PER_RUN = 50;

  private final Inbox inbox;
  private final WebhookDispatcher dispatcher;
  private final InboxProperties properties;
  private final Clock clock;
  private final Timer lag;

  public InboxRelay(
      Inbox inbox,
      WebhookDispatcher dispatcher,
      InboxProperties properties,
      Clock clock,
      MeterRegistry meters) {
    this.inbox = inbox;
    this.dispatcher = dispatcher;
    this.properties = properties;
    this.clock = clock;
    this.lag =
        Timer.builder("switchboard.inbox.dispatch.lag")
            .description("From the webhook's commit to its workflow")
            .publishPercentileHistogram()
            .register(meters);
    meters.gauge("switchboard.inbox.backlog", inbox, Inbox::backlog);
  }

  @Scheduled(fixedDelayString = "${switchboard.inbox.relay-interval:1s}")
  public void relay() {
    for (int run = 0; run < MAX_BATCHES_PER_RUN; run++) {
      List<InboxEvent> due;
      try {
        due = inbox.claimDue(BATCH, properties.lease());
      } catch (RuntimeException e) {
        log.warn("inbox relay could not read the inbox: {}", e.toString());
        return;
      }
      if (due.isEmpty()) {
        return;
      }
      due.forEach(this::forward);
    }
  }

  /** Dispatches one event and records the outcome; used by the relay and the request path. */
  public void forward(InboxEvent event) {
    try {
      DispatchState outcome = dispatcher.dispatch(event);
      inbox.settle(event.id(), outcome, null);
      if (outcome == DispatchState.DISPATCHED) {
        lag.record(Duration.between(event.receivedAt(), clock.instant()));
      }
    } catch (RuntimeException e) {
      Duration wait = properties.backoff(event.attempts());
      log.warn(
          "inbox event {} ({}) not dispatched, attempt {}; next in {}: {}",
          event.id(),
          event.kind(),
          event.attempts() + 1,
          wait,
          e.toString());
      inbox.retryLater(event.id(), e.toString(), clock.instant().plus(wait));
    }
  }
}

package io.switchboard.api.inbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes settled inbox events older than {@code switchboard.inbox.retention}: each holds a
 * webhook's raw parameters (numbers, message bodies), which are needed for replay and inspection
 * for a while and then only a liability. In batches, so that a first run over a long history does
 * not hold one long transaction; several api instances may run it at once.
 */
@Component
public class InboxRetention {

  private static final Logger log = LoggerFactory.getLogger(InboxRetention.class);
  private static final int BATCH = 5_000;
  private static final int MAX_BATCHES_PER_RUN = 100;

  private final Inbox inbox;
  private final InboxProperties properties;
  private final Clock clock;
  private final Counter pruned;

  public InboxRetention(
      Inbox inbox, InboxProperties properties, Clock clock, MeterRegistry meters) {
    this.inbox = inbox;
    this.properties = properties;
    this.clock = clock;
    this.pruned =
        Counter.builder("switchboard.inbox.pruned")
            .description("Settled webhook events deleted after the inbox's retention")
            .register(meters);
  }

  /** Returns how many events were deleted. */
  @Scheduled(
      initialDelayString = "${switchboard.inbox.prune-every:10m}",
      fixedDelayString = "${switchboard.inbox.prune-every:10m}")
  public int prune() {
    if (properties.retention().isZero()) {
      return 0;
    }
    int total = 0;
    try {
      for (int run = 0; run < MAX_BATCHES_PER_RUN; run++) {
        int deleted = inbox.prune(clock.instant().minus(properties.retention()), BATCH);
        total += deleted;
        if (deleted < BATCH) {
          break;
        }
      }
    } catch (RuntimeException e) {
      log.warn("inbox retention could not delete old events: {}", e.toString());
    }
    if (total > 0) {
      pruned.increment(total);
      log.info("inbox retention deleted {} events older than {}", total, properties.retention());
    }
    return total;
  }
}

package io.switchboard.messaging;

import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Clears the text of inbound messages older than {@code
 * switchboard.messaging.inbound.body-retention}, as {@link MediaRetention} erases their media: a
 * sweep of the table, so that a period set or shortened later applies to every message already
 * received. Outbound bodies are never stored in the table (their workflow's history has them, under
 * the namespace's retention).
 */
@Component
@EnableScheduling
@ConditionalOnProperty("switchboard.messaging.inbound.body-retention")
public class BodyRetention {

  private static final Logger log = LoggerFactory.getLogger(BodyRetention.class);
  private static final int BATCH = 500;
  private static final int MAX_BATCHES_PER_SWEEP = 20;

  private final MessageRepository messages;
  private final InboundMessageProperties properties;
  private final Clock clock;

  public BodyRetention(
      MessageRepository messages, InboundMessageProperties properties, Clock clock) {
    this.messages = messages;
    this.properties = properties;
    this.clock = clock;
  }

  /** Clears what is due, a batch at a time; returns how many bodies were cleared. */
  @Scheduled(
      fixedDelayString = "${switchboard.messaging.inbound.media-retention-sweep:PT1M}",
      initialDelayString = "${switchboard.messaging.inbound.media-retention-sweep:PT1M}")
  public int sweep() {
    Instant now = clock.instant();
    Instant before = now.minus(properties.bodyRetention());
    int erased = 0;
    try {
      for (int batch = 0; batch < MAX_BATCHES_PER_SWEEP; batch++) {
        int cleared = messages.eraseInboundBodies(before, now, BATCH);
        erased += cleared;
        if (cleared < BATCH) {
          break;
        }
      }
    } catch (RuntimeException e) {
      log.warn("body retention stopped, the next sweep goes on: {}", e.toString());
    }
    if (erased > 0) {
      log.info(
          "body retention cleared {} inbound message bodies received before {}", erased, before);
    }
    return erased;
  }
}

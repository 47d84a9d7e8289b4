package io.switchboard.messaging;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Erases inbound media older than {@code switchboard.messaging.inbound.media-retention}. A sweep of
 * the table rather than a timer in each message's workflow, so that a retention period set or
 * shortened later applies to every message already received. Every worker may sweep: an erasure is
 * idempotent, and two workers erasing one message audit it once.
 */
@Component
@EnableScheduling
@ConditionalOnProperty("switchboard.messaging.inbound.media-retention")
public class MediaRetention {

  static final String PRINCIPAL = "retention";
  private static final Logger log = LoggerFactory.getLogger(MediaRetention.class);
  private static final int BATCH = 100;
  private static final int MAX_BATCHES_PER_SWEEP = 20;

  private final MessageMediaRepository media;
  private final MessageMediaEraser eraser;
  private final InboundMessageProperties properties;
  private final Clock clock;

  public MediaRetention(
      MessageMediaRepository media,
      MessageMediaEraser eraser,
      InboundMessageProperties properties,
      Clock clock) {
    this.media = media;
    this.eraser = eraser;
    this.properties = properties;
    this.clock = clock;
  }

  /** Erases what is due; returns how many media were erased. */
  @Scheduled(
      fixedDelayString = "${switchboard.messaging.inbound.media-retention-sweep:PT1M}",
      initialDelayString = "${switchboard.messaging.inbound.media-retention-sweep:PT1M}")
  public int sweep() {
    Instant before = clock.instant().minus(properties.mediaRetention());
    int erased = 0;
    for (int batch = 0; batch < MAX_BATCHES_PER_SWEEP; batch++) {
      List<String> due;
      try {
        due = media.withMediaStoredBefore(before, BATCH);
      } catch (RuntimeException e) {
        log.warn("media retention could not read the media: {}", e.toString());
        return erased;
      }
      int erasedBefore = erased;
      for (String messageId : due) {
        try {
          erased += eraser.erase(messageId, PRINCIPAL);
        } catch (RuntimeException e) {
          log.warn(
              "media of message {} not erased, next sweep retries: {}", messageId, e.toString());
        }
      }
      if (due.size() < BATCH || erased == erasedBefore) {
        break;
      }
    }
    if (erased > 0) {
      log.info("media retention erased {} media received before {}", erased, before);
    }
    return erased;
  }
}

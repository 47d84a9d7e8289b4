package io.switchboard.api.inbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the inbox hands webhooks on.
 *
 * @param relayInterval how often the relay looks for pending events
 * @param hold how long the relay leaves a new event to the request thread's own dispatch
 * @param lease how long a claimed event is left to the instance that claimed it
 * @param maxBackoff the longest wait between attempts; events are never given up
 * @param voiceBudget how long a voice webhook may wait for its TwiML before the fallback
 * @param retention how long settled events (handed on, or given up as orphaned, failed, unrouted,
 *     rate limited) are kept for replay and inspection; zero keeps them for good. Pending events
 *     are never deleted.
 * @param pruneEvery how often events past the retention are deleted
 */
@ConfigurationProperties("switchboard.inbox")
public record InboxProperties(
    @DefaultValue("1s") Duration relayInterval,
    @DefaultValue("10s") Duration hold,
    @DefaultValue("30s") Duration lease,
    @DefaultValue("5m") Duration maxBackoff,
    @DefaultValue("2s") Duration voiceBudget,
    @DefaultValue("30d") Duration retention,
    @DefaultValue("10m") Duration pruneEvery) {

  /** Exponential backoff from one second, capped. */
  public Duration backoff(int attempts) {
    long seconds = 1L << Math.min(attempts, 20);
    Duration delay = Duration.ofSeconds(seconds);
    return delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay;
  }
}

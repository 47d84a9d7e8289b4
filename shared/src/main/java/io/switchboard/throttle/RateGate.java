package io.switchboard.throttle;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * A rate limiter shared by every worker process: for one key, grants are never closer together than
 * the cost of the previous grant (one call at 1 call/s costs one second; a three-segment message at
 * one segment/s costs three).
 *
 * <p>The decision is a single conditional upsert against PostgreSQL's clock, so two workers can
 * never both be granted the same instant, and the workers' own clocks do not matter. A gate with
 * capacity one never bursts: that is what "never overshoot a sender's throughput" requires, since
 * Twilio queues (and eventually fails) what arrives faster than a sender's rate.
 */
public class RateGate {

  private static final String TRY_GRANT =
      """
      INSERT INTO rate_gates (gate_key, next_grant_at)
      VALUES (:key, clock_timestamp() + :costMicros * INTERVAL '1 microsecond')
      ON CONFLICT (gate_key) DO UPDATE
         SET next_grant_at = clock_timestamp() + :costMicros * INTERVAL '1 microsecond'
       WHERE rate_gates.next_grant_at <= clock_timestamp()
      RETURNING 0 AS wait_micros
      """;

  private static final String WAIT =
      """
      SELECT GREATEST(0, CEIL(EXTRACT(EPOCH FROM next_grant_at - clock_timestamp()) * 1000000))
        FROM rate_gates WHERE gate_key = :key
      """;

  private static final long EARLY_WAKE_NANOS = 2_000_000;

  private final NamedParameterJdbcTemplate jdbc;

  public RateGate(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Asks to act now for {@code key}. Returns {@link Duration#ZERO} when granted, and the caller
   * must act at once; otherwise returns how long until the gate can grant, and the caller asks
   * again after that.
   */
  public Duration tryAcquire(String key, Duration cost) {
    Objects.requireNonNull(key, "key");
    if (cost.isNegative() || cost.isZero()) {
      throw new IllegalArgumentException("cost must be positive");
    }
    Map<String, Object> params = Map.of("key", key, "costMicros", cost.toNanos() / 1_000);
    List<Long> granted = jdbc.queryForList(TRY_GRANT, params, Long.class);
    if (!granted.isEmpty()) {
      return Duration.ZERO;
    }
    Long waitMicros = jdbc.queryForObject(WAIT, Map.of("key", key), Long.class);
    // The gate may open between the two statements: a zero wait then means "ask again now".
    return Duration.ofNanos(Math.max(1, waitMicros == null ? 0 : waitMicros) * 1_000);
  }

  /**
   * Waits in this thread for a grant as long as the next opening is within {@code maxWait}, which
   * keeps the achieved rate within a few milliseconds per grant of the configured one. Returns
   * {@link Duration#ZERO} when granted, else the longer wait that the caller should sleep durably
   * (a workflow timer) before asking again.
   */
  public Duration acquire(String key, Duration cost, Duration maxWait) throws InterruptedException {
    long deadline = System.nanoTime() + maxWait.toNanos();
    while (true) {
      Duration wait = tryAcquire(key, cost);
      if (wait.isZero()) {
        return wait;
      }
      if (System.nanoTime() + wait.toNanos() > deadline) {
        return wait;
      }
      // Waking a little early and asking again costs one query; waking late costs rate.
      long nanos = Math.max(100_000, wait.toNanos() - EARLY_WAKE_NANOS);
      Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
    }
  }
}

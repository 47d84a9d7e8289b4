package io.switchboard.throttle;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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

  /**
   * Reserves the gate's next opening for this caller if it comes within {@code maxWaitMicros}: the
   * opening moves on by the cost, and the caller learns how long to wait for its slot. One reading
   * of PostgreSQL's clock serves the whole statement, so the returned wait is exact against it.
   */
  private static final String RESERVE =
      """
      WITH now AS (SELECT clock_timestamp() AS t)
      INSERT INTO rate_gates (gate_key, next_grant_at)
      VALUES (:key, (SELECT t FROM now) + :costMicros * INTERVAL '1 microsecond')
      ON CONFLICT (gate_key) DO UPDATE
         SET next_grant_at = GREATEST(rate_gates.next_grant_at, (SELECT t FROM now))
                             + :costMicros * INTERVAL '1 microsecond'
       WHERE rate_gates.next_grant_at
             <= (SELECT t FROM now) + :maxWaitMicros * INTERVAL '1 microsecond'
      RETURNING GREATEST(0, CEIL(EXTRACT(EPOCH FROM next_grant_at - (SELECT t FROM now)) * 1000000)
                            - :costMicros) AS wait_micros
      """;

  private static final String WAIT =
      """
      SELECT GREATEST(0, CEIL(EXTRACT(EPOCH FROM next_grant_at - clock_timestamp()) * 1000000))
        FROM rate_gates WHERE gate_key = :key
      """;

  /**
   * Gives a caller that cannot wait in place its place in the line behind the reserved openings and
   * the callers already sent away: the returned time is when its opening would come if every caller
   * ahead of it takes its own. Callers thus come back one cost apart instead of all at once, each
   * when its turn is about to come within the in-place window.
   */
  private static final String RETURN_AT =
      """
      WITH now AS (SELECT clock_timestamp() AS t)
      UPDATE rate_gates
         SET next_return_at = GREATEST(COALESCE(next_return_at, next_grant_at), next_grant_at)
                              + :costMicros * INTERVAL '1 microsecond'
       WHERE gate_key = :key
      RETURNING GREATEST(0, CEIL(EXTRACT(EPOCH FROM next_return_at - (SELECT t FROM now)) * 1000000)
                            - :costMicros) AS wait_micros
      """;

  /**
   * Spaces the acts themselves, not only the slots: a caller acts once the act before it has had
   * its cost (a three-segment message holds the sender for three segments' time), at the earliest.
   * Slots are handed out that way, but a caller may reach its slot late (a sleep that overslept on
   * a busy machine, a garbage collection) while the next one is on time, and the two would then act
   * together: 11 creates within 0.9 s at 10 a second (2026-12-03, CI). The slots keep the pace, so
   * a late caller delays those after it by its own lateness at most.
   */
  private static final String ACT_AT =
      """
      WITH now AS (SELECT clock_timestamp() AS t)
      UPDATE rate_gates
         SET next_act_at = GREATEST((SELECT t FROM now), next_act_at)
                           + :costMicros * INTERVAL '1 microsecond'
       WHERE gate_key = :key
      RETURNING GREATEST(0, CEIL(EXTRACT(EPOCH FROM next_act_at - (SELECT t FROM now)) * 1000000)
                            - :costMicros) AS wait_micros
      """;

  private final NamedParameterJdbcTemplate jdbc;

  public RateGate(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Asks to act now for {@code key}. Returns {@link Duration#ZERO} when granted, and the caller
   * must act at once; otherwise returns how long until the gate can grant, and the caller asks
   * again after that.
   */
  public Duration tryAcquire(String key, Duration cost) throws InterruptedException {
    Optional<Duration> slot = reserve(key, cost, Duration.ZERO);
    if (slot.isEmpty()) {
      return untilOpen(key);
    }
    sleep(actAt(key, cost));
    return Duration.ZERO;
  }

  /**
   * Waits in this thread for a grant as long as the next opening is within {@code maxWait}. The
   * opening is reserved for this caller at once, so callers queue in the order they asked and the
   * gate never idles while one of them sleeps: the achieved rate stays at the configured one.
   * Returns {@link Duration#ZERO} once the reserved slot has come and the caller must act, else how
   * long the caller should sleep durably (a workflow timer) before asking again: until the opening
   * is within {@code maxWait}.
   */
  public Duration acquire(String key, Duration cost, Duration maxWait) throws InterruptedException {
    Optional<Duration> slot = reserve(key, cost, maxWait);
    if (slot.isEmpty()) {
      // Come back when this caller's place in the line is within reach of a wait in place, not
      // when it is due: a caller that returns only at its opening finds the queue drained and the
      // gate idle while its timer and next attempt are scheduled. Places are handed out one cost
      // apart, so a backlog of N callers does not ask again N at a time (2026-12-03: every waiting
      // send polled about once per cost, a storm of timers and activities under a backlog).
      Duration wait = returnAt(key, cost).minus(maxWait);
      return wait.compareTo(Duration.ofMillis(1)) < 0 ? Duration.ofMillis(1) : wait;
    }
    sleep(slot.get());
    sleep(actAt(key, cost));
    return Duration.ZERO;
  }

  /**
   * Sleep never wakes early, and each wait was measured before its statement returned: the caller
   * acts at its time or a little after, never before.
   */
  private static void sleep(Duration wait) throws InterruptedException {
    long nanos = wait.toNanos();
    if (nanos > 0) {
      Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
    }
  }

  Duration actAt(String key, Duration cost) {
    List<Long> waits =
        jdbc.queryForList(
            ACT_AT, Map.of("key", key, "costMicros", cost.toNanos() / 1_000), Long.class);
    // The row exists: the reservation just made or moved it.
    return Duration.ofNanos((waits.isEmpty() ? 0 : waits.get(0)) * 1_000);
  }

  Optional<Duration> reserve(String key, Duration cost, Duration maxWait) {
    Objects.requireNonNull(key, "key");
    if (cost.isNegative() || cost.isZero()) {
      throw new IllegalArgumentException("cost must be positive");
    }
    Map<String, Object> params =
        Map.of(
            "key",
            key,
            "costMicros",
            cost.toNanos() / 1_000,
            "maxWaitMicros",
            Math.max(0, maxWait.toNanos() / 1_000));
    List<Long> waits = jdbc.queryForList(RESERVE, params, Long.class);
    return waits.isEmpty() ? Optional.empty() : Optional.of(Duration.ofNanos(waits.get(0) * 1_000));
  }

  private Duration returnAt(String key, Duration cost) {
    List<Long> waits =
        jdbc.queryForList(
            RETURN_AT, Map.of("key", key, "costMicros", cost.toNanos() / 1_000), Long.class);
    // The row exists: the reservation that failed found it.
    return Duration.ofNanos(Math.max(1, waits.isEmpty() ? 0 : waits.get(0)) * 1_000);
  }

  private Duration untilOpen(String key) {
    Long waitMicros = jdbc.queryForObject(WAIT, Map.of("key", key), Long.class);
    // The gate may open between the two statements: a zero wait then means "ask again now".
    return Duration.ofNanos(Math.max(1, waitMicros == null ? 0 : waitMicros) * 1_000);
  }
}

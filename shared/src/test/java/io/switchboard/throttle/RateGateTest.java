package io.switchboard.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** The shared gate against a real PostgreSQL with the real migrations. */
class RateGateTest {

  static EmbeddedPostgres postgres;
  static RateGate gate;

  @BeforeAll
  static void start() throws IOException {
    postgres = EmbeddedPostgres.start();
    Flyway.configure().dataSource(postgres.getPostgresDatabase()).load().migrate();
    gate = new RateGate(new NamedParameterJdbcTemplate(postgres.getPostgresDatabase()));
  }

  @AfterAll
  static void stop() throws IOException {
    postgres.close();
  }

  @Test
  void grantsAtOnceThenMakesTheNextCallerWaitTheCost() throws InterruptedException {
    long started = System.nanoTime();
    assertThat(gate.tryAcquire("sender:a", Duration.ofSeconds(3))).isZero();

    Duration wait = gate.tryAcquire("sender:a", Duration.ofSeconds(3));

    assertThat(wait)
        .isBetween(lessTheTimeSince(Duration.ofSeconds(3), started), Duration.ofSeconds(3));
  }

  /**
   * A cost less the time the statements took, measured around them in the JVM (which can only be
   * longer than the database saw): the least a wait can be however slow the machine is.
   */
  private static Duration lessTheTimeSince(Duration cost, long started) {
    return cost.minus(Duration.ofNanos(System.nanoTime() - started)).minusMillis(1);
  }

  @Test
  void gatesOfDifferentKeysAreIndependent() throws InterruptedException {
    assertThat(gate.tryAcquire("sender:b", Duration.ofSeconds(10))).isZero();
    assertThat(gate.tryAcquire("sender:c", Duration.ofSeconds(10))).isZero();
  }

  @Test
  void returnsTheLongWaitInsteadOfBlockingPastTheLimit() throws InterruptedException {
    assertThat(gate.tryAcquire("sender:d", Duration.ofSeconds(30))).isZero();

    long started = System.nanoTime();
    Duration wait = gate.acquire("sender:d", Duration.ofSeconds(30), Duration.ofMillis(200));

    assertThat(wait).isGreaterThan(Duration.ofSeconds(20));
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
  }

  /**
   * A backlog does not ask again all at once: each caller that cannot wait in place is given its
   * own return time, one cost after the caller before it, so that it comes back as its turn nears.
   */
  @Test
  void callersBeyondTheInPlaceWindowAreToldToReturnOneCostApart() throws InterruptedException {
    // A cost far longer than the statements take, so that the first opening cannot come (and be
    // reserved by a caller further down the line) while the test is asking.
    Duration cost = Duration.ofSeconds(1);
    assertThat(gate.acquire("sender:line", cost, Duration.ZERO)).isZero();

    List<Duration> waits = new java.util.ArrayList<>();
    for (int i = 0; i < 5; i++) {
      waits.add(gate.acquire("sender:line", cost, Duration.ZERO));
    }

    for (int i = 1; i < waits.size(); i++) {
      // A cost apart, less the time between two statements (tens of ms on a cold JVM); without
      // the line, every caller would be told the same time.
      assertThat(waits.get(i).minus(waits.get(i - 1)))
          .as("return %d after return %d", i, i - 1)
          .isBetween(Duration.ofMillis(900), Duration.ofMillis(1_001));
    }
    // The fifth in line waits about five costs (less the time the statements took), not one.
    assertThat(waits.get(4)).isGreaterThan(Duration.ofMillis(4_500));
  }

  /**
   * Eight competing workers for two seconds at a cost of 50 ms: never more grants than the elapsed
   * time allows (no overshoot), and within 10% of that (the rate is actually used).
   */
  @Test
  void competingWorkersShareOneRateWithoutOvershoot() throws Exception {
    Duration cost = Duration.ofMillis(50);
    AtomicInteger grants = new AtomicInteger();
    ExecutorService workers = Executors.newFixedThreadPool(8);
    long started = System.nanoTime();
    long end = started + TimeUnit.SECONDS.toNanos(2);
    for (int i = 0; i < 8; i++) {
      workers.submit(
          () -> {
            while (System.nanoTime() < end) {
              if (gate.acquire("sender:shared", cost, Duration.ofSeconds(1)).isZero()
                  && System.nanoTime() < end) {
                grants.incrementAndGet();
              }
            }
            return null;
          });
    }
    workers.shutdown();
    assertThat(workers.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

    long allowed = TimeUnit.NANOSECONDS.toMillis(end - started) / cost.toMillis() + 1;
    assertThat(grants.get()).isLessThanOrEqualTo((int) allowed);
    assertThat(grants.get()).isGreaterThanOrEqualTo((int) (allowed * 0.5));
  }

  /**
   * A waiting caller holds the next opening from the moment it asks, so a later caller lines up
   * behind it instead of taking the slot it is sleeping towards, and the gate never idles.
   */
  @Test
  void aWaitingCallerKeepsTheSlotItWasGiven() throws Exception {
    Duration cost = Duration.ofMillis(300);
    assertThat(gate.tryAcquire("sender:queue", cost)).isZero();
    ExecutorService waiter = Executors.newSingleThreadExecutor();
    long asked = System.nanoTime();
    Future<Duration> waited =
        waiter.submit(
            () -> {
              gate.acquire("sender:queue", cost, Duration.ofSeconds(1));
              return Duration.ofNanos(System.nanoTime() - asked);
            });
    Thread.sleep(100);

    Duration later = gate.tryAcquire("sender:queue", cost);

    // The waiter's slot (~300 ms) is taken: the next opening is the one after it (~600 ms).
    assertThat(later).isGreaterThan(Duration.ofMillis(350));
    assertThat(waited.get(5, TimeUnit.SECONDS))
        .isGreaterThanOrEqualTo(Duration.ofMillis(250))
        .isLessThan(Duration.ofSeconds(1));
    waiter.shutdown();
  }

  /**
   * A caller that reaches its slot late (here: reserved, then held up past the next caller's slot)
   * acts a cost after the caller that went on time, not together with it.
   */
  @Test
  void aCallerLateForItsSlotActsACostAfterTheCallerBeforeIt() throws Exception {
    Duration cost = Duration.ofMillis(400);
    assertThat(gate.reserve("sender:late", cost, Duration.ZERO)).contains(Duration.ZERO);
    // The next caller waits for its slot, one cost on, and acts on time.
    assertThat(gate.acquire("sender:late", cost, Duration.ofSeconds(1))).isZero();
    long onTime = System.nanoTime();

    // The first caller, held up until now, comes to act.
    Duration wait = gate.actAt("sender:late", cost);

    long actsAt = System.nanoTime() + wait.toNanos();
    // Both instants are read in the JVM after a call returns, the wait against PostgreSQL's clock:
    // each reading is late by its own return, so the difference is a cost give or take a few
    // milliseconds (CI saw 401.2 ms). Acting with the caller before it would be near zero.
    assertThat(Duration.ofNanos(actsAt - onTime))
        .isBetween(Duration.ofMillis(350), cost.plusMillis(50));
  }

  @Test
  void aCallerOnTimeActsWithoutWaiting() throws Exception {
    Duration cost = Duration.ofMillis(400);
    assertThat(gate.tryAcquire("sender:prompt", cost)).isZero();
    Thread.sleep(450);

    assertThat(gate.reserve("sender:prompt", cost, Duration.ZERO)).contains(Duration.ZERO);
    assertThat(gate.actAt("sender:prompt", cost)).isZero();
  }

  /** The act after a costly one (a three-segment message) waits that cost, not its own. */
  @Test
  void theActAfterACostlyOneWaitsItsCost() throws Exception {
    long started = System.nanoTime();
    assertThat(gate.tryAcquire("sender:long-message", Duration.ofMillis(900))).isZero();

    Duration wait = gate.actAt("sender:long-message", Duration.ofMillis(300));

    // The first act's 900 ms less the time passed; this one's 300 would leave less than that.
    assertThat(wait)
        .isBetween(lessTheTimeSince(Duration.ofMillis(900), started), Duration.ofMillis(900));
  }
}

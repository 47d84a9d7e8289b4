package io.switchboard.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.throttle.RateGate;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Per-sender throughput through the real shared gate in a real PostgreSQL: senders contending from
 * many threads (as many workers would) never get grants closer than their rate allows.
 */
class SenderThrottleTest {

  static EmbeddedPostgres postgres;
  static SenderThrottle throttle;

  @BeforeAll
  static void start() throws IOException {
    postgres = EmbeddedPostgres.start();
    Flyway.configure().dataSource(postgres.getPostgresDatabase()).load().migrate();
    RateGate gate = new RateGate(new NamedParameterJdbcTemplate(postgres.getPostgresDatabase()));
    throttle =
        new SenderThrottle(gate, new SenderThroughput(1, 3, 100, 0, Map.of("+14155550123", 10.0)));
  }

  @AfterAll
  static void stop() throws IOException {
    postgres.close();
  }

  @Test
  void contendingWorkersNeverOvershootTheSendersRate() throws Exception {
    List<Long> grants = Collections.synchronizedList(new ArrayList<>());
    long started = System.nanoTime();
    long until = started + Duration.ofSeconds(3).toNanos();
    ExecutorService workers = Executors.newFixedThreadPool(8);
    for (int i = 0; i < 8; i++) {
      workers.submit(
          () -> {
            while (System.nanoTime() < until) {
              Duration wait = throttle.acquire("+14155550123", 1);
              if (wait.isZero()) {
                grants.add(System.nanoTime());
              } else {
                Thread.sleep(wait.toMillis());
              }
            }
            return null;
          });
    }
    workers.shutdown();
    assertThat(workers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

    List<Long> sorted = grants.stream().sorted().toList();
    double seconds = (sorted.get(sorted.size() - 1) - started) / 1e9;
    // 10 segments/s: grants are 100 ms apart at the gate; what this JVM sees may jitter a little.
    assertThat(sorted.size()).isLessThanOrEqualTo((int) Math.floor(seconds * 10) + 1);
    // Liveness only: how close to the rate it gets depends on this shared machine's load.
    assertThat(sorted.size()).isGreaterThanOrEqualTo((int) Math.floor(seconds * 10 * 0.5));
    // The gate spaces grants 100 ms apart, but a thread may be descheduled between its grant and
    // reading the clock, so two grants can look close together here. No second of the run may
    // hold more than the rate, give or take that one late reading.
    long second = Duration.ofSeconds(1).toNanos();
    for (int i = 0; i < sorted.size(); i++) {
      long from = sorted.get(i);
      long inWindow = sorted.stream().filter(t -> t >= from && t < from + second).count();
      assertThat(inWindow).as("grants in the second from grant %d", i).isLessThanOrEqualTo(11);
    }
  }

  @Test
  void aMessageCostsItsSegmentsAtTheSendersRate() {
    assertThat(throttle.cost("+14155550100", 3)).isEqualTo(Duration.ofSeconds(3));
    assertThat(throttle.cost("+18005550100", 3)).isEqualTo(Duration.ofSeconds(1));
    assertThat(throttle.cost("12345", 1)).isEqualTo(Duration.ofMillis(10));
    assertThat(throttle.cost("+14155550123", 1)).isEqualTo(Duration.ofMillis(100));
  }

  @Test
  void headroomSpacesASendersGrantsThatMuchSlowerThanItsRate() {
    SenderThrottle withHeadroom =
        new SenderThrottle(null, new SenderThroughput(1, 3, 100, 0.04, Map.of()));

    assertThat(withHeadroom.cost("+14155550100", 1)).isEqualTo(Duration.ofMillis(1_040));
    assertThat(withHeadroom.cost("12345", 1)).isEqualTo(Duration.ofNanos(10_400_000));
  }

  @Test
  void aLongerWaitIsHandedBackForADurableTimer() {
    assertThat(throttle.acquire("+14155550177", 5)).isZero();

    Duration wait = throttle.acquire("+14155550177", 1);

    assertThat(wait).isGreaterThan(SenderThrottle.WAIT_IN_PLACE);
  }
}

package io.switchboard.bench;

import io.switchboard.simulator.Creation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * THROTTLE and CPS: a burst of sends (or call initiations) from one sender whose rate the platform
 * was started with, then the creation times at the simulator against that rate. The burst is
 * offered at {@code BENCH_RATE_OFFER} times the configured rate (10 unless set), so the throttle,
 * not the client, sets the pace; a factor just above 1 (1.2) offers a steady backlog instead of a
 * burst, which separates the gate's precision from the cost of taking in a burst.
 */
final class RateCheck {

  /** The long-code sender {@code bench/run} configures at the THROTTLE rate. */
  static final String THROTTLE_SENDER =
      System.getenv().getOrDefault("BENCH_THROTTLE_SENDER", "+12025550142");

  /** How many times the configured rate the sends or calls are offered at. */
  static final double OFFER_FACTOR =
      Double.parseDouble(System.getenv().getOrDefault("BENCH_RATE_OFFER", "10"));

  /** The caller ID of CPS calls, kept apart from INITIATE's. */
  static final String CPS_CALLER = "+12025550143";

  private final OpenLoop loop;
  private final SimulatorClient simulator;
  private final Target target;

  RateCheck(OpenLoop loop, SimulatorClient simulator, Target target) {
    this.loop = loop;
    this.simulator = simulator;
    this.target = target;
  }

  void messages(int configured, long count) throws Exception {
    Instant since = Instant.now();
    burst(
        "throttle",
        configured,
        count,
        sequence ->
            Requests.sendMessage(
                target, THROTTLE_SENDER, Scenario.sendTo(sequence), "Bench throttle"));
    List<Creation> created =
        await(() -> simulator.messages(THROTTLE_SENDER, since), count, configured);
    report("messages from one long code, segments/s", configured, count, created);
  }

  void calls(int configured, long count) throws Exception {
    Instant since = Instant.now();
    burst(
        "cps",
        configured,
        count,
        sequence ->
            Requests.initiateCall(
                target, CPS_CALLER, String.format("+1556%07d", sequence % 10_000_000)));
    List<Creation> created = await(() -> simulator.calls(CPS_CALLER, since), count, configured);
    report("outbound calls of the account, calls/s", configured, count, created);
  }

  private void burst(
      String name, int configured, long count, java.util.function.LongFunction<Call> requests)
      throws InterruptedException {
    OpenLoop.Result accepted =
        loop.run(
            new OpenLoop.Load(
                name,
                (int) Math.max(1, Math.round(configured * OFFER_FACTOR)),
                count,
                requests,
                response -> response.status() < 400));
    Steps.printHeader(accepted.elapsed());
    Steps.printRow(accepted, null);
  }

  private interface Reader {
    List<Creation> read() throws Exception;
  }

  /** Reads until every accepted one is created, or twice the time the rate needs, plus 30 s. */
  private static List<Creation> await(Reader reader, long count, int rate) throws Exception {
    long limit = System.nanoTime() + Duration.ofSeconds(2 * count / rate + 30).toNanos();
    List<Creation> created = List.of();
    do {
      try {
        created = reader.read();
      } catch (java.io.IOException e) {
        System.out.println("reading creations failed, retrying: " + e);
      }
      if (created.size() < count) {
        Thread.sleep(1000);
      }
    } while (created.size() < count && System.nanoTime() < limit);
    return created;
  }

  private static void report(String what, int configured, long count, List<Creation> created) {
    RateFigures figures = RateFigures.of(created.stream().map(Creation::createdAt).toList());
    System.out.printf(
        "%n| %s | configured | created | achieved | deviation | max in any 1 s | min gap ms"
            + " | overshoot |%n|---|---|---|---|---|---|---|---|%n",
        what);
    System.out.printf(
        "| %d sent | %d | %d | %.3f/s | %+.2f%% | %d | %.1f | %s |%n",
        count,
        configured,
        figures.count(),
        figures.achieved(),
        figures.deviationPercent(configured),
        figures.maxInOneSecond(),
        figures.minGap().toNanos() / 1e6,
        figures.overshoots(configured) ? "yes" : "none");
  }
}

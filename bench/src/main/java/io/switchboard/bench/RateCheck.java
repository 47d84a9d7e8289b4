package io.switchboard.bench;

import io.switchboard.simulator.Creation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.LongFunction;

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

  /** The caller ID of the CPS step's warm-up calls, counted apart from the burst's. */
  static final String CPS_WARM_UP_CALLER = "+12025550144";

  private final OpenLoop loop;
  private final SimulatorClient simulator;
  private final Target target;

  RateCheck(OpenLoop loop, SimulatorClient simulator, Target target) {
    this.loop = loop;
    this.simulator = simulator;
    this.target = target;
  }

  void messages(int configured, long count) throws Exception {
    warmUp(
        configured,
        sequence ->
            Requests.sendMessage(
                target, THROTTLE_SENDER, String.format("+14152%06d", sequence), "Warm-up"),
        since -> simulator.messages(THROTTLE_SENDER, since));
    Instant since = Instant.now();
    CpuUse.Snapshot before = CpuUse.take();
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
    System.out.println(
        CpuUse.perRequest("message, burst to last creation", before, CpuUse.take(), count));
  }

  void calls(int configured, long count) throws Exception {
    warmUp(
        configured,
        sequence ->
            Requests.initiateCall(
                target, CPS_WARM_UP_CALLER, String.format("+1557%07d", sequence % 10_000_000)),
        since -> simulator.calls(CPS_WARM_UP_CALLER, since));
    Instant since = Instant.now();
    CpuUse.Snapshot before = CpuUse.take();
    burst(
        "cps",
        configured,
        count,
        sequence ->
            Requests.initiateCall(
                target, CPS_CALLER, String.format("+1556%07d", sequence % 10_000_000)));
    List<Creation> created = await(() -> simulator.calls(CPS_CALLER, since), count, configured);
    report("outbound calls of the account, calls/s", configured, count, created);
    System.out.println(
        CpuUse.perRequest("call, burst to last creation", before, CpuUse.take(), count));
  }

  private void burst(String name, int configured, long count, LongFunction<Call> requests)
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

  private interface ReaderSince {
    List<Creation> read(Instant since) throws Exception;
  }

  /**
   * Offers the step's own requests at the configured rate, through the same gate, until the
   * platform's JIT is quiet (the platform warm-up places no outbound call, and a first CPS burst
   * measured the compiler: 21.8 s of compilation in the 200 calls' 22 s on 2026-12-04); then waits
   * until every one of them was created, so that the burst starts at an idle gate, and for their
   * lifecycles to settle.
   */
  private void warmUp(int configured, LongFunction<Call> requests, ReaderSince created)
      throws Exception {
    Instant since = Instant.now();
    long[] next = {0};
    long answered =
        Steps.untilCompilerQuiet(
            loop,
            () -> {
              long first = next[0];
              next[0] += configured * Steps.WARM_UP_SLICE.toSeconds();
              return new OpenLoop.Load(
                  "warm-up",
                  configured,
                  configured * Steps.WARM_UP_SLICE.toSeconds(),
                  sequence -> requests.apply(first + sequence),
                  response -> response.status() < 400);
            },
            configured);
    List<Creation> warm = await(() -> created.read(since), answered, configured);
    System.out.printf("step warm-up: %d of %d accepted created%n", warm.size(), answered);
    Thread.sleep(Duration.ofSeconds(10).toMillis());
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
    System.out.println();
    System.out.println("created in each second from the first creation: " + figures.perSecond());
  }
}

package io.switchboard.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;

/** Runs one step of the plan and prints its figures. */
final class Steps {

  /** A step's warm-up runs in slices of this length, until the platform's JIT is quiet. */
  static final Duration WARM_UP_SLICE = Duration.ofSeconds(5);

  /** Compilation in one slice below this (5% of it) counts as quiet. */
  static final Duration QUIET_COMPILER = Duration.ofMillis(250);

  /** A step's warm-up ends here even if the compiler is not quiet yet; the row then says so. */
  static final Duration WARM_UP_LIMIT = Duration.ofSeconds(60);

  private final OpenLoop loop;
  private final SimulatorClient simulator;
  private final Target target;

  Steps(OpenLoop loop, SimulatorClient simulator, Target target) {
    this.loop = loop;
    this.simulator = simulator;
    this.target = target;
  }

  void run(String name, int rate, long count, Duration duration) throws Exception {
    switch (name) {
      case "ASYNC", "VOICE", "INITIATE" -> latency(Scenario.valueOf(name), target, rate, duration);
      case "GATHER" -> latency(Scenario.GATHER, withSessions(rate), rate, duration);
      case "SEND" -> new SendLatency(loop, simulator, target).run(rate, duration);
      case "SESSIONS" -> new OpenSessions(loop, target).run(rate, count > 0 ? count : 10_000);
      case "THROTTLE" ->
          new RateCheck(loop, simulator, target).messages(rate, count > 0 ? count : 200);
      case "CPS" -> new RateCheck(loop, simulator, target).calls(rate, count > 0 ? count : 200);
      default -> throw new IllegalArgumentException("unknown scenario " + name);
    }
  }

  /**
   * Drives every hot path at a modest rate before the first step, not reported: a fresh platform
   * spends its first minutes compiling (a flight recording of a 15-second-row run showed the JIT's
   * compiler threads as the platform's largest CPU user, on 2 cores), and a step measured then
   * measures the compiler. Every path a step measures is in the mix: a gather turn runs code that
   * no first webhook does (an Update on a running session, the flow's menu), and a CPU profile
   * (bench/profile) of a GATHER step after a warm-up without it showed the compiler at 44% of the
   * platform's CPU while the step was measured. Then waits for the work it started (sessions,
   * message lifecycles) to settle.
   */
  void warmUpPlatform(Duration total) throws InterruptedException {
    if (total.isZero()) {
      return;
    }
    long until = System.nanoTime() + total.toNanos();
    Target withSessions = target.withSessions(openSessions(50, 10).opened());
    Duration slice = Duration.ofSeconds(5);
    int round = 0;
    while (System.nanoTime() < until) {
      switch (round++ % 5) {
        case 0 -> loop.run(OpenLoop.Load.of(Scenario.ASYNC, target, 20, slice));
        case 1 -> loop.run(OpenLoop.Load.of(Scenario.VOICE, target, 5, slice));
        case 2 -> loop.run(warmUpSends(5, slice));
        case 3 -> loop.run(OpenLoop.Load.of(Scenario.GATHER, withSessions, 10, slice));
        default -> loop.run(OpenLoop.Load.of(Scenario.BARE, target, 20, slice));
      }
    }
    Thread.sleep(Duration.ofSeconds(15).toMillis());
  }

  /**
   * Sends like SEND's to other handsets (415-3xx), so that SEND never mistakes them for its own.
   */
  private OpenLoop.Load warmUpSends(int rate, Duration duration) {
    return new OpenLoop.Load(
        "warm-up send",
        rate,
        rate * duration.toSeconds(),
        sequence ->
            Requests.sendMessage(
                target,
                String.format("+1888555%04d", sequence % 100),
                String.format("+14153%06d", sequence % 1_000_000),
                "Warm-up"),
        response -> response.status() == 202);
  }

  /** Warm-up (not reported), the bare endpoint, then the scenario, at one rate. */
  OpenLoop.Result latency(Scenario scenario, Target on, int rate, Duration duration)
      throws InterruptedException {
    return latency(scenario, on, rate, duration, OpenLoop.Listener.NONE);
  }

  OpenLoop.Result latency(
      Scenario scenario, Target on, int rate, Duration duration, OpenLoop.Listener listener)
      throws InterruptedException {
    warmUp(scenario, on, rate);
    CpuUse.Snapshot beforeBare = CpuUse.take();
    OpenLoop.Result bare = loop.run(OpenLoop.Load.of(Scenario.BARE, on, rate, duration));
    CpuUse.Snapshot beforeScenario = CpuUse.take();
    OpenLoop.Result result = loop.run(OpenLoop.Load.of(scenario, on, rate, duration), listener);
    CpuUse.Snapshot after = CpuUse.take();
    printHeader(duration);
    printRow(bare, null);
    printRow(result, bare.latency());
    System.out.println();
    System.out.println(CpuUse.perRequest("bare", beforeBare, beforeScenario, bare.sent()));
    System.out.println(
        CpuUse.perRequest(
            result.name() + " (while measured; work it started later is not counted)",
            beforeScenario,
            after,
            result.sent()));
    return result;
  }

  /**
   * Runs the scenario at the step's rate, not reported, until the platform's JIT compiled for less
   * than {@link #QUIET_COMPILER} in the last slice. A platform warmed at modest rates still
   * compiles when a path runs at hundreds a second: the first ASYNC:500 row after the 90 s platform
   * warm-up and a 5 s step warm-up had the JIT compiling for 18.5 s of its 20 s (two compiler
   * threads), and its p99 was 20.0 ms against 6.4 ms in the next step, whose row had 0.4 s of
   * compilation. Without JMX (no compilation figure) the warm-up is one slice.
   */
  private void warmUp(Scenario scenario, Target on, int rate) throws InterruptedException {
    untilCompilerQuiet(loop, () -> OpenLoop.Load.of(scenario, on, rate, WARM_UP_SLICE), rate);
  }

  /**
   * Runs slices of a load until the platform's JIT is quiet or {@link #WARM_UP_LIMIT} has passed,
   * prints how long that took, and returns how many requests were answered as asked.
   */
  static long untilCompilerQuiet(OpenLoop loop, Supplier<OpenLoop.Load> slice, int rate)
      throws InterruptedException {
    long started = System.nanoTime();
    long answered = 0;
    CpuUse.Snapshot before = CpuUse.take();
    double compiled;
    do {
      OpenLoop.Result result = loop.run(slice.get());
      answered += result.sent() - result.failed();
      CpuUse.Snapshot after = CpuUse.take();
      compiled =
          before.compileMillis() < 0 || after.compileMillis() < 0
              ? -1
              : after.compileMillis() - before.compileMillis();
      before = after;
    } while (compiled > QUIET_COMPILER.toMillis()
        && System.nanoTime() - started < WARM_UP_LIMIT.toNanos());
    System.out.printf(
        "step warm-up: %.0f s at %d/s; the platform's JIT compiled for %.0f ms in its last %d s%n",
        (System.nanoTime() - started) / 1e9, rate, compiled, WARM_UP_SLICE.toSeconds());
    return answered;
  }

  /**
   * Opens three seconds' worth of sessions (at least 50) on the demo flow for gather turns, at a
   * pace the machine takes without falling back, and keeps those that answered from the session.
   */
  private Target withSessions(int turnRate) throws InterruptedException {
    int sessions = Math.max(50, turnRate * 3);
    int openRate = Math.min(20, turnRate);
    Opened opened = openSessions(sessions, openRate);
    System.out.printf(
        "opened %d of %d sessions on the demo flow at %d/s for the gather turns"
            + " (%d first answers were the fallback)%n",
        opened.opened().size(),
        sessions,
        openRate,
        fallbacks(opened.result(), opened.opened().size()));
    return target.withSessions(opened.opened());
  }

  /** The sessions a first webhook started, and how the first webhooks went. */
  private record Opened(List<String> opened, OpenLoop.Result result) {}

  private Opened openSessions(int sessions, int rate) throws InterruptedException {
    String prefix = Requests.uuid().substring(0, 16);
    List<String> opened = java.util.Collections.synchronizedList(new ArrayList<>());
    OpenLoop.Result result =
        loop.run(
            new OpenLoop.Load(
                "open",
                rate,
                sessions,
                sequence -> Requests.newCall(target, Requests.callSid(prefix, sequence), sequence),
                Scenario.VOICE::answered),
            (sequence, at, response, ok) -> {
              if (OpenSessions.started(response)) {
                opened.add(Requests.callSid(prefix, sequence));
              }
            });
    if (opened.isEmpty()) {
      throw new IllegalStateException("no session opened: " + result.firstFailure());
    }
    return new Opened(List.copyOf(opened), result);
  }

  /** Requests that got a 200 but not the session's answer. */
  static long fallbacks(OpenLoop.Result result, long started) {
    return Math.max(0, started - result.answered());
  }

  static void printHeader(Duration duration) {
    System.out.printf(
        "(%.1f s per row)%n| scenario | rate/s | sent | failed | p50 ms | p90 ms | p99 ms"
            + " | p99.9 ms | max ms | p99 / bare |%n|---|---|---|---|---|---|---|---|---|---|%n",
        duration.toMillis() / 1000.0);
  }

  static void printRow(OpenLoop.Result result, Histogram baseline) {
    Histogram h = result.latency();
    String ratio =
        baseline == null
            ? "—"
            : String.format(
                "%.1fx", (double) h.getValueAtPercentile(99) / baseline.getValueAtPercentile(99));
    System.out.printf(
        "| %s | %d | %d | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %s |%n",
        result.name(),
        result.rate(),
        result.sent(),
        result.failed(),
        ms(h.getValueAtPercentile(50)),
        ms(h.getValueAtPercentile(90)),
        ms(h.getValueAtPercentile(99)),
        ms(h.getValueAtPercentile(99.9)),
        ms(h.getMaxValue()),
        ratio);
    if (result.firstFailure() != null) {
      System.out.printf("first failure of %s: %s%n", result.name(), result.firstFailure());
    }
  }

  static double ms(long micros) {
    return micros / 1000.0;
  }
}

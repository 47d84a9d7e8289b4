package io.switchboard.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Drives a running Switchboard over HTTP and prints its figures as Markdown table rows, ready for
 * {@code docs/benchmarks.md}. Latency scenarios run after a warm-up, right after the bare endpoint
 * at the same rate, so that every figure has a baseline measured on the same server in the same
 * minute. Each step first prints the machine's load average, since other work on the machine makes
 * every figure pessimistic.
 *
 * <p>Usage: {@code java -jar switchboard-bench-exec.jar BASE_URL PUBLIC_URL ACCOUNT_SID AUTH_TOKEN
 * [SECONDS] [STEP ...]}; a step is {@code SCENARIO:RATE[:COUNT]}:
 *
 * <ul>
 *   <li>{@code ASYNC:500}, {@code VOICE:100}, {@code INITIATE:100}: latency at that rate;
 *   <li>{@code GATHER:100}: opens sessions on the demo flow, then gather turns at that rate;
 *   <li>{@code SEND:500}: latency, accepted rate, and accepted → created at the simulator;
 *   <li>{@code SESSIONS:50:10000}: opens 10,000 sessions at 50/s, then heap after GC and how many
 *       are still open (needs {@code BENCH_JMX} and {@code BENCH_TEMPORAL});
 *   <li>{@code THROTTLE:10:200}: 200 sends from the sender configured at 10 segments/s;
 *   <li>{@code CPS:10:200}: 200 outbound calls with the account configured at 10 calls/s.
 * </ul>
 *
 * REST steps use {@code SWITCHBOARD_API_KEY}, an admin key of the platform.
 */
public final class Bench {

  private Bench() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 4) {
      System.err.println(
          "usage: Bench BASE_URL PUBLIC_URL ACCOUNT_SID AUTH_TOKEN [SECONDS] [SCENARIO:RATE ...]");
      System.exit(2);
    }
    Target target =
        new Target(
            args[0], args[1], args[2], args[3], System.getenv("SWITCHBOARD_API_KEY"), List.of());
    Duration duration = Duration.ofSeconds(args.length > 4 ? Integer.parseInt(args[4]) : 20);
    List<String> plan =
        new ArrayList<>(List.of(args).subList(Math.min(5, args.length), args.length));
    if (plan.isEmpty()) {
      plan = List.of("ASYNC:500", "VOICE:100");
    }
    Transport http = new Transport(java.net.URI.create(target.base()));
    Steps steps = new Steps(new OpenLoop(http), new SimulatorClient(http), target);
    Duration warmUp = Duration.ofSeconds(Long.parseLong(envOr("BENCH_WARMUP", "90")));
    System.out.printf("warm-up: %d s of mixed load before the first step%n", warmUp.toSeconds());
    steps.warmUpPlatform(warmUp);
    for (String step : plan) {
      String[] parts = step.split(":");
      String name = parts[0].toUpperCase(Locale.ROOT);
      int rate = Integer.parseInt(parts[1]);
      long count = parts.length > 2 ? Long.parseLong(parts[2]) : 0;
      System.out.printf("%n## %s (load average before: %s)%n", step, loadAverage());
      try {
        steps.run(name, rate, count, duration);
      } catch (Exception e) {
        // One step that cannot finish (a saturated server) must not lose the others' figures.
        System.out.printf("step %s did not finish: %s%n", step, e);
      }
    }
    System.exit(0);
  }

  private static String envOr(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  /** The 1, 5 and 15 minute load averages, as {@code uptime} shows them. */
  static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (Exception e) {
      return "unknown";
    }
  }
}

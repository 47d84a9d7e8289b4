package io.switchboard.bench;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import org.HdrHistogram.Histogram;

/**
 * Drives a running Switchboard over HTTP and prints latency percentiles. Each scenario runs after a
 * warm-up, right after the bare endpoint at the same rate, so that every figure has a baseline
 * measured on the same server in the same minute.
 *
 * <p>Usage: {@code java -jar switchboard-bench-exec.jar BASE_URL PUBLIC_URL ACCOUNT_SID AUTH_TOKEN
 * [SECONDS] [SCENARIO:RATE ...]}, for example {@code ASYNC:500 VOICE:100 INITIATE:100}; INITIATE
 * needs {@code SWITCHBOARD_API_KEY}.
 */
public final class Bench {

  private Bench() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 4) {
      System.err.println(
          "usage: Bench BASE_URL PUBLIC_URL ACCOUNT_SID AUTH_TOKEN [SECONDS] [SCENARIO:RATE ...]");
      System.exit(2);
    }
    // REST scenarios (INITIATE) use the admin key the platform was started with.
    Scenario.Target target =
        new Scenario.Target(
            args[0], args[1], args[2], args[3], System.getenv("SWITCHBOARD_API_KEY"));
    Duration duration = Duration.ofSeconds(args.length > 4 ? Integer.parseInt(args[4]) : 20);
    List<String> plan = new ArrayList<>();
    for (int i = 5; i < args.length; i++) {
      plan.add(args[i]);
    }
    if (plan.isEmpty()) {
      plan = List.of("ASYNC:500", "VOICE:100");
    }
    HttpClient http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(8))
            .build();
    OpenLoop loop = new OpenLoop(http);
    System.out.printf(
        "%-6s %6s %7s %7s %9s %9s %9s %9s %9s %8s%n",
        "what",
        "rate/s",
        "sent",
        "errors",
        "p50 ms",
        "p90 ms",
        "p99 ms",
        "p99.9 ms",
        "max ms",
        "p99/bare");
    for (String step : plan) {
      String[] parts = step.split(":");
      Scenario scenario = Scenario.valueOf(parts[0].toUpperCase(Locale.ROOT));
      int rate = Integer.parseInt(parts[1]);
      loop.run(scenario, target, rate, Duration.ofSeconds(5)); // warm-up, not reported
      OpenLoop.Result bare = loop.run(Scenario.BARE, target, rate, duration);
      OpenLoop.Result result = loop.run(scenario, target, rate, duration);
      print(bare, null);
      print(result, bare.latencyMicros());
    }
    System.exit(0);
  }

  private static void print(OpenLoop.Result result, Histogram baseline) {
    Histogram h = result.latencyMicros();
    String ratio =
        baseline == null
            ? "-"
            : String.format(
                "%.1fx", (double) h.getValueAtPercentile(99) / baseline.getValueAtPercentile(99));
    System.out.printf(
        "%-6s %6d %7d %7d %9.1f %9.1f %9.1f %9.1f %9.1f %8s%n",
        result.scenario().name().toLowerCase(Locale.ROOT),
        result.rate(),
        result.sent(),
        result.errors() + (result.sent() - result.ok() - result.errors()),
        ms(h.getValueAtPercentile(50)),
        ms(h.getValueAtPercentile(90)),
        ms(h.getValueAtPercentile(99)),
        ms(h.getValueAtPercentile(99.9)),
        ms(h.getMaxValue()),
        ratio);
  }

  private static double ms(long micros) {
    return micros / 1000.0;
  }
}

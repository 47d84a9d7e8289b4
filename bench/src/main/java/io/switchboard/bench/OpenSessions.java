package io.switchboard.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * SESSIONS: opens many call sessions on the demo flow and leaves them waiting at the menu, as
 * callers who have not pressed a key yet; then reads the platform's heap after a full collection
 * (JMX), counts the running sessions in Temporal's visibility, and has a sample of them take a
 * turn, which proves they still answer from their state and not from a fallback.
 */
final class OpenSessions {

  private static final int PROBES = 100;

  private final OpenLoop loop;
  private final Target target;

  OpenSessions(OpenLoop loop, Target target) {
    this.loop = loop;
    this.target = target;
  }

  void run(int rate, long count) throws Exception {
    String jmx = System.getenv().getOrDefault("BENCH_JMX", "127.0.0.1:19091");
    String temporal = System.getenv().getOrDefault("BENCH_TEMPORAL", "127.0.0.1:17233");
    try (Heap heap = Heap.connect(jmx);
        OpenSessionCount sessions = new OpenSessionCount(temporal, "default")) {
      System.out.println("platform JVM arguments: " + heap.jvmArguments());
      long runningBefore = sessions.running();
      double before = heap.usedAfterGc();
      heap.resetPeak();
      List<String> opened = open(rate, count);
      long running = awaitRunning(sessions, runningBefore + opened.size());
      double after = heap.usedAfterGc();
      System.out.printf(
          "%n| sessions opened | running before | running after | heap after GC before MiB"
              + " | heap after GC after MiB | KiB per session | peak MiB | max heap MiB |%n"
              + "|---|---|---|---|---|---|---|---|%n");
      System.out.printf(
          "| %d of %d | %d | %d | %.0f | %.0f | %.1f | %.0f | %.0f |%n",
          opened.size(),
          count,
          runningBefore,
          running,
          before,
          after,
          (after - before) * 1024 / Math.max(1, opened.size()),
          heap.peak(),
          heap.max());
      probe(opened);
    }
  }

  /**
   * A first webhook answered 200 started its session, even when the answer was the fallback: the
   * update-with-start goes on after the api stops waiting. The running count checks it.
   */
  static boolean started(Reply response) {
    return response.status() == 200;
  }

  private List<String> open(int rate, long count) throws InterruptedException {
    String prefix = Requests.uuid().substring(0, 16);
    List<String> opened = Collections.synchronizedList(new ArrayList<>());
    OpenLoop.Result result =
        loop.run(
            new OpenLoop.Load(
                "open session",
                rate,
                count,
                sequence -> Requests.newCall(target, Requests.callSid(prefix, sequence), sequence),
                Scenario.VOICE::answered),
            (sequence, at, response, ok) -> {
              if (OpenSessions.started(response)) {
                opened.add(Requests.callSid(prefix, sequence));
              }
            });
    Steps.printHeader(result.elapsed());
    Steps.printRow(result, null);
    System.out.printf(
        "%d first webhooks answered 200, of which %d with the session's TwiML%n",
        opened.size(), result.answered());
    return new ArrayList<>(opened);
  }

  /**
   * Starts that the api stopped waiting for go on in Temporal, and visibility lags them: waits
   * while the count grows, until it has all or has not grown for 30 s (10 minutes at most).
   */
  private static long awaitRunning(OpenSessionCount sessions, long expected)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    long running = sessions.running();
    long stalledSince = System.nanoTime();
    while (running >= 0 && running < expected && System.nanoTime() < deadline) {
      Thread.sleep(5000);
      long now = sessions.running();
      if (now > running) {
        stalledSince = System.nanoTime();
      } else if (System.nanoTime() - stalledSince > Duration.ofSeconds(30).toNanos()) {
        return now;
      }
      running = now;
    }
    return running;
  }

  /** A key pressed in a random sample of the sessions, at 10 turns a second. */
  private void probe(List<String> opened) throws InterruptedException {
    List<String> sample = new ArrayList<>(opened);
    Collections.shuffle(sample, new Random(42));
    sample = sample.subList(0, Math.min(PROBES, sample.size()));
    List<String> probed = List.copyOf(sample);
    OpenLoop.Result result =
        loop.run(
            new OpenLoop.Load(
                "turn in a sampled session",
                10,
                probed.size(),
                sequence -> Requests.menuKey(target, probed.get((int) (sequence % probed.size()))),
                Scenario.GATHER::answered));
    System.out.printf(
        "%n%d of %d sampled sessions answered a gather turn from their state%n",
        result.answered(), result.sent());
    Steps.printHeader(result.elapsed());
    Steps.printRow(result, null);
  }
}

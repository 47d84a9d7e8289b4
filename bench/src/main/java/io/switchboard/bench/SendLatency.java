package io.switchboard.bench;

import io.switchboard.simulator.Creation;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.HdrHistogram.Histogram;

/**
 * SEND: the acceptance latency (as any scenario), the accepted rate, and for every accepted message
 * the time from its 202 to its creation at the simulator, i.e. through the workflow, the sender's
 * rate gate and the Twilio create. Waits for the backlog to drain before reading.
 */
final class SendLatency {

  private static final Duration DRAIN_LIMIT = Duration.ofSeconds(120);

  private final OpenLoop loop;
  private final SimulatorClient simulator;
  private final Target target;

  SendLatency(OpenLoop loop, SimulatorClient simulator, Target target) {
    this.loop = loop;
    this.simulator = simulator;
    this.target = target;
  }

  void run(int rate, Duration duration) throws Exception {
    Map<String, Instant> accepted = new ConcurrentHashMap<>();
    Steps steps = new Steps(loop, simulator, target);
    Instant start = Instant.now();
    CpuUse.Snapshot before = CpuUse.take();
    OpenLoop.Result result =
        steps.latency(
            Scenario.SEND,
            target,
            rate,
            duration,
            (sequence, at, response, ok) -> {
              if (ok) {
                accepted.put(Scenario.sendTo(sequence), at);
              }
            });
    // The warm-up's messages were accepted too, but only the measured run's are in the map.
    Map<String, Instant> created = awaitCreated(accepted, start);
    // From the step's warm-up to the last creation: every accepted message's whole pipeline
    // (workflow, gate, create, status callbacks) and the bare row, over the messages of the step.
    String cpu =
        CpuUse.perRequest(
            "send, end to end (warm-up, bare row and every message's pipeline until created)",
            before,
            CpuUse.take(),
            created.size());
    Histogram toCreated = new Histogram(3);
    for (Map.Entry<String, Instant> entry : accepted.entrySet()) {
      Instant at = created.get(entry.getKey());
      if (at != null) {
        toCreated.recordValue(Math.max(1, Duration.between(entry.getValue(), at).toMillis()));
      }
    }
    double acceptedPerSecond = result.answered() / (result.elapsed().toNanos() / 1e9);
    System.out.printf(
        "%naccepted %d of %d at %.0f/s (offered %d/s); %d of them created at the simulator"
            + " (waited up to %d s)%n",
        result.answered(),
        result.sent(),
        acceptedPerSecond,
        rate,
        toCreated.getTotalCount(),
        DRAIN_LIMIT.toSeconds());
    System.out.printf(
        "| accepted → created | p50 %d ms | p90 %d ms | p99 %d ms | max %d ms |%n",
        toCreated.getValueAtPercentile(50),
        toCreated.getValueAtPercentile(90),
        toCreated.getValueAtPercentile(99),
        toCreated.getMaxValue());
    System.out.println(cpu);
  }

  /** The creation time of each accepted message by handset, once all are there or time is up. */
  private Map<String, Instant> awaitCreated(Map<String, Instant> accepted, Instant since)
      throws Exception {
    long deadline = System.nanoTime() + DRAIN_LIMIT.toNanos();
    Map<String, Instant> created = new HashMap<>();
    while (true) {
      List<Creation> all;
      try {
        all = simulator.messages(null, since);
      } catch (java.io.IOException e) {
        // A loaded platform may answer the control API late; ask again rather than give up.
        System.out.println("reading creations failed, retrying: " + e);
        Thread.sleep(1000);
        continue;
      }
      created.clear();
      for (Creation creation : all) {
        if (accepted.containsKey(creation.to())) {
          created.put(creation.to(), creation.createdAt());
        }
      }
      if (created.size() >= accepted.size() || System.nanoTime() > deadline) {
        return created;
      }
      Thread.sleep(1000);
    }
  }
}

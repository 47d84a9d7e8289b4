package io.switchboard.messaging;

import io.switchboard.throttle.RateGate;
import java.time.Duration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Per-sender throughput through the shared {@link RateGate}: every worker asks the same gate, so a
 * sender never exceeds its rate however many workers send for it. A message costs its segments.
 */
@Component
@EnableConfigurationProperties(SenderThroughput.class)
public class SenderThrottle {

  /**
   * Waits shorter than this are waited here, in the activity, so that grants follow the rate
   * closely; longer ones go back to the workflow as a durable timer.
   */
  static final Duration WAIT_IN_PLACE = Duration.ofSeconds(1);

  private final RateGate gate;
  private final SenderThroughput throughput;

  public SenderThrottle(RateGate gate, SenderThroughput throughput) {
    this.gate = gate;
    this.throughput = throughput;
  }

  /** Zero when the sender may send now; else how long to wait before asking again. */
  public Duration acquire(String sender, int segments) {
    String number = Addresses.number(sender);
    try {
      return gate.acquire(gateKey(sender), cost(number, segments), WAIT_IN_PLACE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the sender's rate", e);
    }
  }

  /**
   * One gate per sender address: SMS and MMS from a number share Twilio's queue for it, WhatsApp
   * from the same number has a queue of its own ({@code whatsapp:+1…}).
   */
  static String gateKey(String sender) {
    return "sender:" + sender.trim();
  }

  Duration cost(String number, int segments) {
    double seconds =
        Math.max(1, segments) * (1 + throughput.headroom()) / throughput.rateOf(number);
    return Duration.ofNanos(Math.max(1_000, Math.round(seconds * 1_000_000_000d)));
  }
}

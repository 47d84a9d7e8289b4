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
   * Waits up to this long are waited here, in the activity, holding the slot the gate reserved;
   * longer ones go back to the workflow as a durable timer and ask again when their turn is this
   * close. The longer the in-place window, the more late a returning caller may be (a timer, a
   * workflow task and an activity start on a busy machine) before its sender's slots go unused:
   * with one second, a burst reached 8.6 of 9.6 grants a second.
   */
  static final Duration MAX_WAIT_IN_PLACE = Duration.ofSeconds(5);

  /** At least this long, however fast the sender. */
  static final Duration MIN_WAIT_IN_PLACE = Duration.ofSeconds(1);

  /**
   * How many sends of one sender may wait in place at once, each holding an activity thread: the
   * in-place window is shortened for fast senders so that one backlog cannot take every activity
   * slot of a worker.
   */
  static final int MAX_WAITING_IN_PLACE = 50;

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
      Duration cost = cost(number, segments);
      return gate.acquire(gateKey(sender), cost, waitInPlace(cost(number, 1)));
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

  /** The in-place window for a sender whose one-segment cost is this. */
  static Duration waitInPlace(Duration segmentCost) {
    Duration window = segmentCost.multipliedBy(MAX_WAITING_IN_PLACE);
    if (window.compareTo(MAX_WAIT_IN_PLACE) > 0) {
      return MAX_WAIT_IN_PLACE;
    }
    return window.compareTo(MIN_WAIT_IN_PLACE) < 0 ? MIN_WAIT_IN_PLACE : window;
  }

  Duration cost(String number, int segments) {
    double seconds =
        Math.max(1, segments) * (1 + throughput.headroom()) / throughput.rateOf(number);
    return Duration.ofNanos(Math.max(1_000, Math.round(seconds * 1_000_000_000d)));
  }
}

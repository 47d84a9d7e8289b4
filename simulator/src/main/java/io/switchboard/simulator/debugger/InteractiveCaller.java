package io.switchboard.simulator.debugger;

import io.switchboard.simulator.twiml.CallerInput;
import io.switchboard.simulator.twiml.InputRequest;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The person at the debugger's keypad. A Gather waits for them (up to a generous limit, after which
 * it counts as silence, as Twilio's timeout would); Record, Dial and Enqueue take their default
 * outcomes. Hanging up wakes a waiting Gather and ends the call before its next document.
 */
final class InteractiveCaller implements CallerInput {

  private final BlockingQueue<String> inputs = new LinkedBlockingQueue<>();
  private final Duration maxWait;
  private volatile InputRequest waitingFor;
  private volatile boolean hungUp;

  InteractiveCaller(Duration maxWait) {
    this.maxWait = maxWait;
  }

  /** Digits such as {@code "1"} or {@code "12#"}, {@code "speech:…"}, or {@code ""} for silence. */
  void press(String input) {
    inputs.add(input == null ? "" : input);
  }

  void hangUp() {
    hungUp = true;
    inputs.add(HANG_UP);
  }

  /** What the call is waiting for now, else null. */
  InputRequest waitingFor() {
    return waitingFor;
  }

  @Override
  public String respondTo(InputRequest request) {
    if (hungUp) {
      return HANG_UP;
    }
    waitingFor = request;
    try {
      String input = inputs.poll(maxWait.toMillis(), TimeUnit.MILLISECONDS);
      return input == null ? "" : input;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return HANG_UP;
    } finally {
      waitingFor = null;
    }
  }

  @Override
  public String directive(String verb) {
    return null;
  }

  @Override
  public boolean hangsUpBefore(int documentsFetched) {
    return hungUp;
  }
}

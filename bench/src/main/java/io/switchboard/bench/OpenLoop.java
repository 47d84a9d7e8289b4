package io.switchboard.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;
import java.util.function.Predicate;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Sends requests at a fixed rate whatever the server does (an open loop, like Twilio's traffic),
 * and measures each from the moment it was due, not the moment it went out: a server that stalls is
 * charged for the requests that queued behind the stall (no coordinated omission).
 */
final class OpenLoop {

  /** Told of every response, with when it arrived and whether it was an answer as asked. */
  interface Listener {
    Listener NONE = (sequence, at, response, answered) -> {};

    void completed(long sequence, Instant at, Reply response, boolean answered);
  }

  /** One open-loop run: what to send for each sequence number, and what counts as answered. */
  record Load(
      String name, int rate, long total, LongFunction<Call> requests, Predicate<Reply> answered) {

    static Load of(Scenario scenario, Target target, int rate, Duration duration) {
      return new Load(
          scenario.name().toLowerCase(java.util.Locale.ROOT),
          rate,
          rate * duration.toSeconds(),
          sequence -> scenario.request(target, sequence),
          scenario::answered);
    }
  }

  /**
   * What one run measured.
   *
   * @param failed requests without an answer as asked: errors, 4xx/5xx, fallback TwiML, timeouts
   * @param elapsed from the first request due to the last answer
   * @param firstFailure what the first failed request got, else null
   */
  record Result(
      String name,
      int rate,
      long sent,
      long failed,
      Duration elapsed,
      Histogram latency,
      String firstFailure) {

    long answered() {
      return sent - failed;
    }
  }

  private final Transport http;
  private final AtomicLong sequences = new AtomicLong();

  OpenLoop(Transport http) {
    this.http = http;
  }

  Result run(Load load) throws InterruptedException {
    return run(load, Listener.NONE);
  }

  /** Runs a load; sequence numbers continue from the previous run, so every request is new. */
  Result run(Load load, Listener listener) throws InterruptedException {
    Recorder recorder = new Recorder(3);
    AtomicLong answered = new AtomicLong();
    AtomicLong lastAnswer = new AtomicLong();
    AtomicReference<String> firstFailure = new AtomicReference<>();
    CountDownLatch done = new CountDownLatch((int) load.total());
    long first = sequences.getAndAdd(load.total());
    long intervalNanos = TimeUnit.SECONDS.toNanos(1) / load.rate();
    long start = System.nanoTime();
    for (long i = 0; i < load.total(); i++) {
      long sequence = first + i;
      long due = start + i * intervalNanos;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      http.send(load.requests().apply(sequence), Requests.TIMEOUT)
          .whenComplete(
              (response, failure) -> {
                long now = System.nanoTime();
                recorder.recordValue(Math.max(1, (now - due) / 1_000));
                lastAnswer.accumulateAndGet(now, Math::max);
                boolean ok = failure == null && load.answered().test(response);
                if (ok) {
                  answered.incrementAndGet();
                } else {
                  firstFailure.compareAndSet(null, describe(response, failure));
                }
                if (failure == null) {
                  listener.completed(sequence, Instant.now(), response, ok);
                }
                done.countDown();
              });
    }
    done.await(Requests.TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);
    long sent = load.total();
    return new Result(
        load.name(),
        load.rate(),
        sent,
        sent - answered.get(),
        Duration.ofNanos(Math.max(0, lastAnswer.get() - start)),
        recorder.getIntervalHistogram(),
        firstFailure.get());
  }

  private static String describe(Reply response, Throwable failure) {
    if (failure != null) {
      return String.valueOf(failure);
    }
    String body = response.body();
    return response.status() + " " + body.substring(0, Math.min(200, body.length()));
  }
}

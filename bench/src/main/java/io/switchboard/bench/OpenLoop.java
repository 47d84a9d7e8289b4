package io.switchboard.bench;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Recorder;

/**
 * Sends requests at a fixed rate whatever the server does (an open loop, like Twilio's traffic),
 * and measures each from the moment it was due, not the moment it went out: a server that stalls is
 * charged for the requests that queued behind the stall (no coordinated omission).
 */
final class OpenLoop {

  private final HttpClient http;

  OpenLoop(HttpClient http) {
    this.http = http;
  }

  /** What one run measured. */
  record Result(
      Scenario scenario,
      int rate,
      Duration duration,
      long sent,
      long ok,
      long errors,
      org.HdrHistogram.Histogram latencyMicros) {}

  Result run(Scenario scenario, Scenario.Target target, int rate, Duration duration)
      throws InterruptedException {
    Recorder recorder = new Recorder(3);
    AtomicLong ok = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    long total = rate * duration.toSeconds();
    CountDownLatch done = new CountDownLatch((int) total);
    long intervalNanos = TimeUnit.SECONDS.toNanos(1) / rate;
    long start = System.nanoTime();
    for (long i = 0; i < total; i++) {
      long due = start + i * intervalNanos;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      http.sendAsync(scenario.request(target, i), HttpResponse.BodyHandlers.discarding())
          .whenComplete(
              (response, failure) -> {
                long micros = (System.nanoTime() - due) / 1_000;
                recorder.recordValue(Math.max(1, micros));
                if (failure == null && response.statusCode() < 400) {
                  ok.incrementAndGet();
                } else {
                  errors.incrementAndGet();
                }
                done.countDown();
              });
    }
    done.await(Scenario.TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);
    return new Result(
        scenario, rate, duration, total, ok.get(), errors.get(), recorder.getIntervalHistogram());
  }
}

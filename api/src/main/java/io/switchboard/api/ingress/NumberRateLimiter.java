package io.switchboard.api.ingress;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A token bucket per phone number, so that one caller or sender cannot flood the platform (a
 * dialler loop, an SMS pumping attack). Buckets of numbers not seen for a while are forgotten,
 * least recently used first, to bound memory.
 */
public class NumberRateLimiter {

  private static final int MAX_NUMBERS = 100_000;

  private final int perMinute;
  private final Map<String, Bucket> buckets =
      Collections.synchronizedMap(
          new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
              return size() > MAX_NUMBERS;
            }
          });

  public NumberRateLimiter(int perMinute) {
    this.perMinute = perMinute;
  }

  /** Takes one token for the number; false when the number is over its rate. */
  public boolean tryAcquire(String number) {
    if (number == null || number.isBlank() || perMinute <= 0) {
      return true;
    }
    return buckets.computeIfAbsent(number, n -> newBucket()).tryConsume(1);
  }

  private Bucket newBucket() {
    return Bucket.builder()
        .addLimit(
            Bandwidth.builder()
                .capacity(perMinute)
                .refillGreedy(perMinute, Duration.ofMinutes(1))
                .build())
        .build();
  }
}

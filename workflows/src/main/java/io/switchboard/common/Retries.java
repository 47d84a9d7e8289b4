package io.switchboard.common;

import io.temporal.common.RetryOptions;
import java.time.Duration;

/** Retry policies that workflows share. */
public final class Retries {

  /**
   * For work that is safe to repeat and must happen (database reads and writes, a gate's turn): a
   * second, doubling to a minute, never given up, so that an outage delays it and fails nothing.
   */
  public static final RetryOptions UNTIL_DONE =
      RetryOptions.newBuilder()
          .setInitialInterval(Duration.ofSeconds(1))
          .setBackoffCoefficient(2.0)
          .setMaximumInterval(Duration.ofMinutes(1))
          .build();

  private Retries() {}
}

package io.switchboard.api.starts;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.switchboard.api.inbox.InboxProperties;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Starts accepted requests' workflows off the request thread, so that a 202 waits for PostgreSQL
 * only, and settles their {@code workflow_starts} rows. A start that fails stays owed, with
 * backoff, for the relay; a start the pool has no room for is the relay's once its hold ends.
 */
@Component
public class StartDispatcher implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(StartDispatcher.class);

  private final WorkflowStarts starts;
  private final WorkflowLauncher launcher;
  private final InboxProperties properties;
  private final Clock clock;
  private final Timer lag;
  private final ThreadPoolExecutor pool;

  StartDispatcher(
      WorkflowStarts starts,
      WorkflowLauncher launcher,
      InboxProperties properties,
      Clock clock,
      MeterRegistry meters) {
    this.starts = starts;
    this.launcher = launcher;
    this.properties = properties;
    this.clock = clock;
    this.lag =
        Timer.builder("switchboard.starts.lag")
            .description("From an accepted request's commit to its workflow's start")
            .publishPercentileHistogram()
            .register(meters);
    meters.gauge("switchboard.starts.backlog", starts, WorkflowStarts::backlog);
    AtomicInteger count = new AtomicInteger();
    this.pool =
        new ThreadPoolExecutor(
            4,
            4,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(10_000),
            task -> {
              Thread thread = new Thread(task, "workflow-start-" + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
  }

  /**
   * Whether this api's pool still has starts waiting: the relay leaves their rows alone meanwhile,
   * rather than start the same workflows a second time beside it.
   */
  boolean busy() {
    return !pool.getQueue().isEmpty();
  }

  /** How long the relay leaves a new start to {@link #afterCommit}. */
  public Duration hold() {
    return properties.hold();
  }

  /** Hands a start recorded by a committed transaction to the pool. */
  public void afterCommit(PendingStart start) {
    try {
      pool.execute(() -> settle(start));
    } catch (RejectedExecutionException e) {
      // Full: the row is committed, and the relay takes it when its hold ends.
    }
  }

  /**
   * Starts the workflow now, on the caller's thread, if its start is still owed: for a request that
   * needs the workflow to exist (a cancel right after the send).
   *
   * @throws RuntimeException when Temporal does not take it; the start stays owed
   */
  public void startNow(String workflowId) {
    starts
        .find(workflowId)
        .ifPresent(
            start -> {
              if (!settle(start)) {
                throw new WorkflowStartPendingException(workflowId);
              }
            });
  }

  /** Starts one owed workflow and records the outcome; used by the pool and the relay. */
  boolean settle(PendingStart start) {
    try {
      if (launcher.launch(start)) {
        lag.record(Duration.between(start.acceptedAt(), clock.instant()));
      }
      starts.done(start.workflowId());
      return true;
    } catch (RuntimeException e) {
      Duration wait = properties.backoff(start.attempts());
      log.warn(
          "workflow {} not started, attempt {}; next in {}: {}",
          start.workflowId(),
          start.attempts() + 1,
          wait,
          e.toString());
      try {
        starts.retryLater(start.workflowId(), e.toString(), clock.instant().plus(wait));
      } catch (RuntimeException unrecorded) {
        // The row keeps its lease or hold, after which the relay tries again anyway.
        log.warn("workflow {} start failure not recorded: {}", start.workflowId(), unrecorded);
      }
      return false;
    }
  }

  @Override
  public void destroy() {
    // Queued starts are committed rows: the next api to run starts them.
    pool.shutdownNow();
  }
}

package io.switchboard.simulator.callbacks;

import io.switchboard.simulator.LifecycleProperties;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Runs lifecycles off the request threads: short steps on a scheduler, and answered calls' TwiML
 * (which blocks for as long as the call lasts) on threads of their own.
 */
@Component
public class SimulatorExecutor implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(SimulatorExecutor.class);

  private final ScheduledExecutorService steps;
  private final ExecutorService flows;

  public SimulatorExecutor(LifecycleProperties properties) {
    this.steps =
        Executors.newScheduledThreadPool(properties.threads(), daemons("simulator-lifecycle-"));
    this.flows = Executors.newCachedThreadPool(daemons("simulator-call-flow-"));
  }

  /** Runs a lifecycle step after a delay. */
  public void schedule(Runnable step, Duration delay) {
    steps.schedule(logged(step), delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Runs a long task, such as an answered call's TwiML. */
  public Future<?> startFlow(Runnable flow) {
    return flows.submit(logged(flow));
  }

  @Override
  public void destroy() {
    steps.shutdownNow();
    flows.shutdownNow();
  }

  private static Runnable logged(Runnable task) {
    return () -> {
      try {
        task.run();
      } catch (RuntimeException e) {
        log.warn("simulated lifecycle step failed", e);
      }
    };
  }

  private static ThreadFactory daemons(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}

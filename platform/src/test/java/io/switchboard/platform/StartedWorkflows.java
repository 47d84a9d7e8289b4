package io.switchboard.platform;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The API answers 202 once a request and its workflow's start are committed, and starts the
 * workflow a moment later: tests that talk to the workflow itself wait for it to exist first.
 */
final class StartedWorkflows {

  private StartedWorkflows() {}

  /** Waits until the workflow exists, or fails after the given time. */
  static void await(WorkflowClient client, String workflowId, Duration within)
      throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    while (true) {
      try {
        client.newUntypedWorkflowStub(workflowId).describe();
        return;
      } catch (WorkflowNotFoundException e) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError(workflowId + " was never started", e);
        }
        Thread.sleep(20);
      }
    }
  }

  /** The workflow's result, once it has started and ended. */
  static <T> T result(WorkflowClient client, String workflowId, int seconds, Class<T> type)
      throws Exception {
    await(client, workflowId, Duration.ofSeconds(10));
    return client.newUntypedWorkflowStub(workflowId).getResult(seconds, TimeUnit.SECONDS, type);
  }
}

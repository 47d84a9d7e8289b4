package io.switchboard.ops;

import io.temporal.testing.WorkflowReplayer;
import org.junit.jupiter.api.Test;

/** The recorded balance check replays against today's workflow code. */
class BalanceCheckReplayTest {

  @Test
  void lowBalanceHistoryReplays() throws Exception {
    WorkflowReplayer.replayWorkflowExecution(
        BalanceCheckWorkflowTest.HISTORIES.resolve("balance-low-v1.json").toFile(),
        BalanceCheckWorkflowImpl.class);
  }
}

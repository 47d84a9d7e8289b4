package io.switchboard.ops;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One look at the Twilio account's balance, started by the {@code twilio-balance} Temporal Schedule
 * (see {@link OpsWorkflowIds#BALANCE_SCHEDULE}). Each run is short and independent, so a missed or
 * failed run is simply followed by the next one.
 */
@WorkflowInterface
public interface BalanceCheckWorkflow {

  @WorkflowMethod
  BalanceReport check(BalanceCheckInput input);
}

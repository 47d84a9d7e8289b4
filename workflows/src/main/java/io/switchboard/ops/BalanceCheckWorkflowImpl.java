package io.switchboard.ops;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import org.slf4j.Logger;

/** Fetches the balance (the activity also publishes it as a gauge) and says whether it is low. */
public class BalanceCheckWorkflowImpl implements BalanceCheckWorkflow {

  private static final Logger log = Workflow.getLogger(BalanceCheckWorkflowImpl.class);

  /** A few quick attempts: the schedule comes back soon anyway, and runs must not pile up. */
  private final ActivityOptions options =
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofSeconds(30))
          .setRetryOptions(
              RetryOptions.newBuilder()
                  .setInitialInterval(Duration.ofSeconds(1))
                  .setBackoffCoefficient(2.0)
                  .setMaximumAttempts(3)
                  .build())
          .build();

  private final BalanceActivities activities =
      Workflow.newActivityStub(BalanceActivities.class, options);

  @Override
  public BalanceReport check(BalanceCheckInput input) {
    BalanceReport report = activities.fetchBalance(new BalanceQuery(input.lowBelow()));
    if (report.low()) {
      log.warn(
          "Twilio balance {} {} is below {}",
          report.balance(),
          report.currency(),
          input.lowBelow());
    }
    return report;
  }
}

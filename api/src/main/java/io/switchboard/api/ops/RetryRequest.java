package io.switchboard.api.ops;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;

/**
 * A retry of every workflow that matches a filter.
 *
 * @param type the workflow type, for example {@code MessageDeliveryWorkflow}
 * @param state failed (the default) or stuck, as in the list
 * @param window how far back (failed) or how old at least (stuck); a day by default
 * @param limit at most this many workflows in one call
 * @param target {@code FIRST_WORKFLOW_TASK} re-runs each from its input; {@code LAST_WORKFLOW_TASK}
 *     retries its last step
 * @param reason why, recorded in each history
 * @param dryRun when true, only says what would be retried
 */
public record RetryRequest(
    @NotBlank String type,
    WorkflowOperations.WorkflowState state,
    Duration window,
    @Min(1) @Max(100) Integer limit,
    @NotNull ResetRequest.ResetTarget target,
    @NotBlank @Size(max = 200) String reason,
    boolean dryRun) {

  WorkflowOperations.WorkflowState stateOrDefault() {
    return state == null ? WorkflowOperations.WorkflowState.FAILED : state;
  }

  Duration windowOrDefault() {
    return window == null ? Duration.ofHours(24) : window;
  }

  int limitOrDefault() {
    return limit == null ? 20 : limit;
  }
}

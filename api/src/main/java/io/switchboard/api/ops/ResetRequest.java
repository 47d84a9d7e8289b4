package io.switchboard.api.ops;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A reset of one workflow run.
 *
 * @param runId the run to reset; the latest run when absent
 * @param target where to reset to
 * @param reason why, recorded in the workflow's history with the key that asked
 * @param dryRun when true, only says which event the reset would go back to
 */
public record ResetRequest(
    String runId,
    @NotNull ResetTarget target,
    @NotBlank @Size(max = 200) String reason,
    boolean dryRun) {

  /** The workflow task a reset goes back to. */
  public enum ResetTarget {
    /** Re-runs the code after the last completed workflow task: the usual fix for a stuck run. */
    LAST_WORKFLOW_TASK,
    /** Re-runs the whole workflow from its input, keeping signals. */
    FIRST_WORKFLOW_TASK
  }
}

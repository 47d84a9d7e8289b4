package io.switchboard.api.ops;

import java.util.List;

/**
 * What a bulk retry did, or would do.
 *
 * @param dryRun whether this was only a preview
 * @param retried the resets made (or that would be made), one per matching run
 * @param skipped runs left alone, with the reason: a newer run exists (already retried), or the
 *     reset was refused
 */
public record RetryResult(boolean dryRun, List<ResetResult> retried, List<Skipped> skipped) {

  /**
   * A matching run that was not reset.
   *
   * @param workflowId the workflow
   * @param runId the run
   * @param reason why not
   */
  public record Skipped(String workflowId, String runId, String reason) {}
}

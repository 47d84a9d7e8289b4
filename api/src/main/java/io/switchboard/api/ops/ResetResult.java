package io.switchboard.api.ops;

/**
 * What a reset did, or would do.
 *
 * @param workflowId the workflow
 * @param runId the run that was (or would be) reset
 * @param target where to
 * @param resetToEventId the WorkflowTaskCompleted event the new run starts after
 * @param dryRun whether this was only a preview
 * @param newRunId the run the reset created; null on a dry run
 */
public record ResetResult(
    String workflowId,
    String runId,
    ResetRequest.ResetTarget target,
    long resetToEventId,
    boolean dryRun,
    String newRunId) {}

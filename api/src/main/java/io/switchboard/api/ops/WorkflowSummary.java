package io.switchboard.api.ops;

import io.switchboard.common.SwitchboardSearchAttributes;
import io.temporal.client.WorkflowExecutionMetadata;
import io.temporal.common.SearchAttributes;
import java.time.Instant;

/**
 * One workflow as visibility sees it. The participant fingerprint is left out: ops search by it,
 * they do not need to read it.
 *
 * @param workflowId for example {@code call:CA...}
 * @param runId the run
 * @param type the workflow type
 * @param status Temporal's execution status, for example {@code FAILED}
 * @param startTime when the run started
 * @param closeTime when it closed, or null while running
 * @param taskQueue its task queue
 * @param callSid the {@code CallSid} search attribute, if set
 * @param messageSid the {@code MessageSid} search attribute, if set
 * @param commStatus the {@code CommStatus} search attribute, if set
 */
public record WorkflowSummary(
    String workflowId,
    String runId,
    String type,
    String status,
    Instant startTime,
    Instant closeTime,
    String taskQueue,
    String callSid,
    String messageSid,
    String commStatus) {

  static WorkflowSummary of(WorkflowExecutionMetadata execution) {
    SearchAttributes attributes = execution.getTypedSearchAttributes();
    return new WorkflowSummary(
        execution.getExecution().getWorkflowId(),
        execution.getExecution().getRunId(),
        execution.getWorkflowType(),
        execution.getStatus().name().replace("WORKFLOW_EXECUTION_STATUS_", ""),
        execution.getStartTime(),
        execution.getCloseTime(),
        execution.getTaskQueue(),
        attributes.get(SwitchboardSearchAttributes.CALL_SID),
        attributes.get(SwitchboardSearchAttributes.MESSAGE_SID),
        attributes.get(SwitchboardSearchAttributes.COMM_STATUS));
  }
}

package io.switchboard.api.starts;

/** Temporal did not take a workflow the API owes; its start stays owed and is retried. */
public class WorkflowStartPendingException extends RuntimeException {

  public WorkflowStartPendingException(String workflowId) {
    super("The workflow " + workflowId + " could not be started yet; it will be, shortly.");
  }
}

package io.switchboard.bench;

import io.temporal.api.workflowservice.v1.CountWorkflowExecutionsRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;

/** How many call sessions Temporal has running, from its visibility store. */
final class OpenSessionCount implements AutoCloseable {

  private static final String QUERY =
      "WorkflowType = 'CallSessionWorkflow' AND ExecutionStatus = 'Running'";

  private final WorkflowServiceStubs service;
  private final String namespace;

  OpenSessionCount(String target, String namespace) {
    this.service =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(target).build());
    this.namespace = namespace;
  }

  /** The count, or -1 where the server cannot count (the in-memory test server). */
  long running() {
    try {
      return service
          .blockingStub()
          .countWorkflowExecutions(
              CountWorkflowExecutionsRequest.newBuilder()
                  .setNamespace(namespace)
                  .setQuery(QUERY)
                  .build())
          .getCount();
    } catch (RuntimeException e) {
      System.out.println("cannot count running sessions: " + e.getMessage());
      return -1;
    }
  }

  @Override
  public void close() {
    service.shutdown();
  }
}

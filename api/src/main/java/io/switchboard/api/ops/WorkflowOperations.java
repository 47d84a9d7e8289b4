package io.switchboard.api.ops;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.switchboard.api.web.NotFoundException;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.workflowservice.v1.ResetWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowStub;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/**
 * Finds failed and stuck workflows through Temporal's visibility and resets them. Queries are built
 * from validated parts only, so a caller cannot inject visibility query syntax.
 */
@Service
public class WorkflowOperations {

  private static final Pattern TYPE = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,99}");
  private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-f]{32}");

  private final WorkflowClient client;
  private final WorkflowServiceStubs stubs;
  private final Clock clock;

  public WorkflowOperations(WorkflowClient client, WorkflowServiceStubs stubs, Clock clock) {
    this.client = client;
    this.stubs = stubs;
    this.clock = clock;
  }

  /**
   * Failed (or timed out) runs that closed within the window, or stuck ones: still running and
   * started before {@code now - olderThan}.
   */
  public List<WorkflowSummary> list(String type, WorkflowState state, Duration window, int limit) {
    return list(type, state, window, limit, null);
  }

  /**
   * Likewise, optionally of any type, and optionally only the workflows of one number, given by its
   * fingerprint (the {@code ParticipantNumber} search attribute; never the number itself, which
   * would then sit in Temporal's logs of queries).
   */
  public List<WorkflowSummary> list(
      String type, WorkflowState state, Duration window, int limit, String participant) {
    if (type != null && !TYPE.matcher(type).matches()) {
      throw new IllegalArgumentException("type must be a workflow type name");
    }
    if (participant != null && !FINGERPRINT.matcher(participant).matches()) {
      throw new IllegalArgumentException("not a participant fingerprint");
    }
    String since = clock.instant().minus(window).toString();
    List<String> clauses = new ArrayList<>();
    if (type != null) {
      clauses.add("WorkflowType = '" + type + "'");
    }
    if (participant != null) {
      clauses.add("ParticipantNumber = '" + participant + "'");
    }
    clauses.add(
        switch (state) {
          case FAILED ->
              "ExecutionStatus IN ('Failed', 'TimedOut') AND CloseTime >= '" + since + "'";
          case STUCK -> "ExecutionStatus = 'Running' AND StartTime <= '" + since + "'";
          case ANY -> "StartTime >= '" + since + "'";
        });
    String query = String.join(" AND ", clauses);
    return visibility(
        () -> client.listExecutions(query).limit(limit).map(WorkflowSummary::of).toList());
  }

  /** Resets a run to a completed workflow task, or, on a dry run, says which one. */
  public ResetResult reset(String workflowId, ResetRequest request, String requestedBy) {
    // Probing visibility first makes a dry run answer 501 where a real reset would.
    visibility(() -> client.listExecutions("WorkflowId = 'probe'").limit(1).count());
    String runId = Optional.ofNullable(request.runId()).orElseGet(() -> latestRun(workflowId));
    List<HistoryEvent> events = history(workflowId, runId);
    long eventId = resetPoint(events, request.target());
    if (request.dryRun()) {
      return new ResetResult(workflowId, runId, request.target(), eventId, true, null);
    }
    String newRunId =
        visibility(
            () ->
                stubs
                    .blockingStub()
                    .resetWorkflowExecution(
                        ResetWorkflowExecutionRequest.newBuilder()
                            .setNamespace(client.getOptions().getNamespace())
                            .setWorkflowExecution(
                                WorkflowExecution.newBuilder()
                                    .setWorkflowId(workflowId)
                                    .setRunId(runId))
                            .setReason(request.reason() + " (by " + requestedBy + ")")
                            .setWorkflowTaskFinishEventId(eventId)
                            .setRequestId(UUID.randomUUID().toString())
                            .build())
                    .getRunId());
    return new ResetResult(workflowId, runId, request.target(), eventId, false, newRunId);
  }

  /**
   * Resets every run that matches the filter. Only the latest run of each workflow is reset, so a
   * second call after a successful one finds the old failed runs already superseded and skips them.
   */
  public RetryResult retry(RetryRequest request, String requestedBy) {
    if (request.stateOrDefault() == WorkflowState.ANY) {
      // Resetting whatever matched, completed runs included, is never a retry.
      throw new IllegalArgumentException("retry takes state FAILED or STUCK");
    }
    List<WorkflowSummary> matching =
        list(
            request.type(),
            request.stateOrDefault(),
            request.windowOrDefault(),
            request.limitOrDefault());
    List<ResetResult> retried = new ArrayList<>();
    List<RetryResult.Skipped> skipped = new ArrayList<>();
    for (WorkflowSummary run : matching) {
      if (!run.runId().equals(latestRun(run.workflowId()))) {
        skipped.add(new RetryResult.Skipped(run.workflowId(), run.runId(), "a newer run exists"));
        continue;
      }
      ResetRequest one =
          new ResetRequest(run.runId(), request.target(), request.reason(), request.dryRun());
      try {
        retried.add(reset(run.workflowId(), one, requestedBy));
      } catch (IllegalStateException | StatusRuntimeException e) {
        skipped.add(new RetryResult.Skipped(run.workflowId(), run.runId(), e.getMessage()));
      }
    }
    return new RetryResult(request.dryRun(), retried, skipped);
  }

  private String latestRun(String workflowId) {
    try {
      WorkflowStub stub = client.newUntypedWorkflowStub(workflowId);
      return stub.describe().getExecution().getRunId();
    } catch (WorkflowNotFoundException e) {
      throw new NotFoundException("No workflow " + workflowId + ".");
    }
  }

  private List<HistoryEvent> history(String workflowId, String runId) {
    try {
      return client.fetchHistory(workflowId, runId).getEvents();
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
        throw new NotFoundException("No run " + runId + " of workflow " + workflowId + ".");
      }
      if (e.getStatus().getCode() == Status.Code.INVALID_ARGUMENT) {
        // A malformed run id is the caller's mistake, not ours (schemathesis found it as a 500).
        throw new IllegalArgumentException("Temporal refused the run id: not a valid run id.");
      }
      throw e;
    }
  }

  private static long resetPoint(List<HistoryEvent> events, ResetRequest.ResetTarget target) {
    List<Long> completed =
        events.stream()
            .filter(event -> event.getEventType() == EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED)
            .map(HistoryEvent::getEventId)
            .toList();
    if (completed.isEmpty()) {
      throw new IllegalStateException("The run has no completed workflow task to reset to.");
    }
    return target == ResetRequest.ResetTarget.FIRST_WORKFLOW_TASK
        ? completed.get(0)
        : completed.get(completed.size() - 1);
  }

  /** Turns the in-memory server's UNIMPLEMENTED into a clear 501. */
  private static <T> T visibility(java.util.function.Supplier<T> call) {
    try {
      return call.get();
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.UNIMPLEMENTED) {
        throw new UnsupportedByServerException("Listing and resetting workflows");
      }
      throw e;
    }
  }

  /** Which workflows an operator is looking for. */
  public enum WorkflowState {
    FAILED,
    STUCK,
    /** Any status, started within the window: a number's calls and messages. */
    ANY
  }
}

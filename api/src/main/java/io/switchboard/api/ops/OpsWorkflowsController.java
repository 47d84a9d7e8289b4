package io.switchboard.api.ops;

import io.swagger.v3.oas.annotations.Operation;
import io.switchboard.api.web.Problems;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.security.Principal;
import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Failed and stuck workflows, and resets, for operators (scope {@code ops}). */
@RestController
@Validated
@RequestMapping("/api/ops/workflows")
class OpsWorkflowsController {

  private final WorkflowOperations operations;
  private final ParticipantNumbers numbers;

  OpsWorkflowsController(WorkflowOperations operations, ParticipantNumbers numbers) {
    this.operations = operations;
    this.numbers = numbers;
  }

  @Operation(
      summary = "List failed, stuck or a number's workflows (scope ops)",
      description =
          "failed: failed or timed out, closed within the window; stuck: still running, started"
              + " before the window; any: started within the window. number (E.164, + as %2B)"
              + " finds the workflows of a phone number through its keyed fingerprint (the"
              + " ParticipantNumber search attribute); with it, type is optional and state"
              + " defaults to any. Needs a real Temporal server: 501 on the in-memory one.")
  @GetMapping
  List<WorkflowSummary> list(
      @RequestParam(required = false) String type,
      @RequestParam(required = false) WorkflowOperations.WorkflowState state,
      @RequestParam(required = false) String number,
      @RequestParam(defaultValue = "PT24H") Duration window,
      @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
    if (window.isNegative()) {
      throw new IllegalArgumentException("window must not be negative");
    }
    if (number == null && type == null) {
      throw new IllegalArgumentException("type is required unless number is given");
    }
    String participant = number == null ? null : numbers.fingerprint(number);
    WorkflowOperations.WorkflowState wanted =
        state != null
            ? state
            : number != null
                ? WorkflowOperations.WorkflowState.ANY
                : WorkflowOperations.WorkflowState.FAILED;
    return operations.list(type, wanted, window, limit, participant);
  }

  @Operation(
      summary = "Reset a workflow run to its last or first workflow task (scope ops)",
      description = "With dryRun, only reports the event the reset would go back to.")
  @PostMapping("/{workflowId}/reset")
  ResetResult reset(
      @PathVariable String workflowId,
      @Valid @RequestBody ResetRequest request,
      Principal principal) {
    return operations.reset(workflowId, request, "api key " + principal.getName());
  }

  @Operation(
      summary = "Retry every failed (or stuck) workflow of a type (scope ops)",
      description =
          "Resets the latest run of each match: to its first workflow task (re-run from the"
              + " input) or its last. Runs already superseded by a reset are skipped, so repeating"
              + " the call is harmless. With dryRun, only reports what would be reset. 501 on the"
              + " in-memory server.")
  @PostMapping("/retry")
  RetryResult retry(@Valid @RequestBody RetryRequest request, Principal principal) {
    if (request.window() != null && request.window().isNegative()) {
      throw new IllegalArgumentException("window must not be negative");
    }
    return operations.retry(request, "api key " + principal.getName());
  }

  @ExceptionHandler(UnsupportedByServerException.class)
  ProblemDetail notImplemented(UnsupportedByServerException e) {
    return Problems.of(
        HttpStatus.NOT_IMPLEMENTED, "needs-temporal-server", "Not implemented", e.getMessage());
  }

  @ExceptionHandler(IllegalStateException.class)
  ProblemDetail conflict(IllegalStateException e) {
    return Problems.of(HttpStatus.CONFLICT, "conflict", "Conflict", e.getMessage());
  }
}

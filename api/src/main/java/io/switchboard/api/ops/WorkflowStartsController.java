package io.switchboard.api.ops;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.switchboard.api.starts.WorkflowStarts;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sends and calls the API accepted whose workflows are not started yet (ADR 0007): what ops look at
 * when {@code switchboard_starts_backlog} grows, usually because Temporal does not take starts.
 */
@RestController
@Validated
@RequestMapping("/api/ops/workflow-starts")
class WorkflowStartsController {

  private final WorkflowStarts starts;

  WorkflowStartsController(WorkflowStarts starts) {
    this.starts = starts;
  }

  @Operation(
      operationId = "listOwedWorkflowStarts",
      summary = "Accepted sends and calls whose workflows are not started yet (scope ops)",
      description =
          "Oldest first, with the attempts so far and the last error. The relay starts them with"
              + " backoff (at most 5 minutes apart) until Temporal takes them; nothing needs"
              + " doing when it comes back. The requests' contents are not shown.")
  @GetMapping
  List<WorkflowStarts.Owed> owed(
      @Parameter(description = "At most this many, 1 to 500")
          @RequestParam(defaultValue = "100")
          @Min(1)
          @Max(500)
          int limit) {
    return starts.owed(limit);
  }
}

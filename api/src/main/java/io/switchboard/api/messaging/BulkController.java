package io.switchboard.api.messaging;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.api.web.NotFoundException;
import io.switchboard.config.SwitchboardProperties;
import io.switchboard.messaging.BulkProgress;
import io.switchboard.messaging.BulkSendInput;
import io.switchboard.messaging.BulkSendWorkflow;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import java.net.URI;
import java.time.Clock;
import java.util.function.Consumer;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Bulk sends: a template to many recipients, run by a {@code BulkSendWorkflow} ({@code bulk:{id}})
 * at the sender's throughput; followed, paused, resumed and cancelled here.
 */
@RestController
@Tag(name = "Bulk sends")
public class BulkController {

  private final BulkValidator validator;
  private final BulkStore store;
  private final WorkflowClient client;
  private final BulkProperties bulk;
  private final String taskQueue;
  private final Clock clock;

  public BulkController(
      BulkValidator validator,
      BulkStore store,
      WorkflowClient client,
      BulkProperties bulk,
      SwitchboardProperties properties,
      Clock clock) {
    this.validator = validator;
    this.store = store;
    this.client = client;
    this.bulk = bulk;
    this.taskQueue = properties.taskQueues().messaging();
    this.clock = clock;
  }

  @PostMapping(
      path = "/api/messages/bulk",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      operationId = "sendBulk",
      summary = "Send a template to many recipients (scope messages:write)",
      description =
          "Every recipient is checked first (number, template variables); then the bulk send runs"
              + " at the sender's throughput. The Idempotency-Key names it: the same key and body"
              + " answer the same bulk send; another body, 422.")
  ResponseEntity<BulkProgress> send(
      @Parameter(description = "Names this bulk send", required = true)
          @RequestHeader(name = "Idempotency-Key", required = false)
          String idempotencyKey,
      @RequestBody BulkSendRequest request) {
    ValidatedBulk validated = validator.validate(idempotencyKey, request);
    if (!store.insert(validated, clock.instant())
        && !store.requestHash(validated.id()).orElseThrow().equals(validated.requestHash())) {
      throw new IdempotencyConflictException(
          "This Idempotency-Key was used for a different bulk send; use a new key.");
    }
    start(validated);
    return ResponseEntity.accepted()
        .location(URI.create("/api/bulk/" + validated.id()))
        .body(BulkProgress.start(validated.id(), validated.recipients().size()));
  }

  @GetMapping(path = "/api/bulk/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(operationId = "getBulk", summary = "A bulk send's progress (scope messages:read)")
  BulkProgress get(@PathVariable String id) {
    return workflow(id).getProgress();
  }

  @PostMapping(path = "/api/bulk/{id}/pause", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      operationId = "pauseBulk",
      summary = "Start no further messages until resumed (scope messages:write)")
  ResponseEntity<BulkProgress> pause(@PathVariable String id) {
    return signal(id, BulkSendWorkflow::pause);
  }

  @PostMapping(path = "/api/bulk/{id}/resume", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      operationId = "resumeBulk",
      summary = "Resume a paused bulk send (scope messages:write)")
  ResponseEntity<BulkProgress> resume(@PathVariable String id) {
    return signal(id, BulkSendWorkflow::resume);
  }

  @PostMapping(path = "/api/bulk/{id}/cancel", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      operationId = "cancelBulk",
      summary = "Cancel the messages not yet sent (scope messages:write)")
  ResponseEntity<BulkProgress> cancel(@PathVariable String id) {
    return signal(id, BulkSendWorkflow::cancel);
  }

  private ResponseEntity<BulkProgress> signal(String id, Consumer<BulkSendWorkflow> signal) {
    BulkSendWorkflow workflow = workflow(id);
    try {
      signal.accept(workflow);
    } catch (WorkflowNotFoundException e) {
      // Ended already: nothing left to pause or cancel; the answer shows how it ended.
    }
    return ResponseEntity.accepted().body(workflow.getProgress());
  }

  private BulkSendWorkflow workflow(String id) {
    if (store.requestHash(id).isEmpty()) {
      throw new NotFoundException("No bulk send " + id + " is recorded.");
    }
    return client.newWorkflowStub(BulkSendWorkflow.class, workflowId(id));
  }

  static String workflowId(String id) {
    return "bulk:" + id;
  }

  private void start(ValidatedBulk validated) {
    WorkflowOptions options =
        WorkflowOptions.newBuilder()
            .setWorkflowId(workflowId(validated.id()))
            .setTaskQueue(taskQueue)
            .setWorkflowIdReusePolicy(
                WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
            .build();
    BulkSendWorkflow workflow = client.newWorkflowStub(BulkSendWorkflow.class, options);
    BulkSendInput input =
        new BulkSendInput(
            validated.id(),
            bulk.window(),
            bulk.pageSize(),
            bulk.perRun(),
            BulkProgress.start(validated.id(), validated.recipients().size()),
            false,
            false);
    try {
      WorkflowClient.start(workflow::send, input);
    } catch (WorkflowExecutionAlreadyStarted e) {
      // The same request again: the bulk send is under way (or done) already.
    }
  }
}

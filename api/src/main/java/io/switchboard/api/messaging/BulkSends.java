package io.switchboard.api.messaging;

import io.switchboard.api.starts.PendingStart;
import io.switchboard.api.starts.StartDispatcher;
import io.switchboard.api.starts.StartKind;
import io.switchboard.api.starts.WorkflowLauncher;
import io.switchboard.api.starts.WorkflowStarts;
import io.switchboard.api.web.NotFoundException;
import io.switchboard.messaging.BulkProgress;
import io.switchboard.messaging.BulkSendInput;
import io.switchboard.messaging.BulkSendWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import java.time.Clock;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Accepts bulk sends on the commit, as single sends are (ADR 0007): the recipients and the owed
 * start of {@code bulk:{id}} are one transaction, and the workflow starts after the answer. Until
 * it has, the bulk send's progress comes from PostgreSQL, and a pause, resume or cancel starts it
 * first so that the signal has a workflow to reach.
 */
@Component
class BulkSends {

  private final BulkStore store;
  private final WorkflowClient client;
  private final WorkflowLauncher launcher;
  private final WorkflowStarts starts;
  private final StartDispatcher dispatcher;
  private final BulkProperties bulk;
  private final TransactionTemplate transaction;
  private final Clock clock;

  BulkSends(
      BulkStore store,
      WorkflowClient client,
      WorkflowLauncher launcher,
      WorkflowStarts starts,
      StartDispatcher dispatcher,
      BulkProperties bulk,
      PlatformTransactionManager transactions,
      Clock clock) {
    this.store = store;
    this.client = client;
    this.launcher = launcher;
    this.starts = starts;
    this.dispatcher = dispatcher;
    this.bulk = bulk;
    this.transaction = new TransactionTemplate(transactions);
    this.clock = clock;
  }

  static String workflowId(String id) {
    return "bulk:" + id;
  }

  /**
   * Records a bulk send and owes its start, or recognises the same request again.
   *
   * @throws IdempotencyConflictException when the key named another bulk send
   */
  void accept(ValidatedBulk validated) {
    BulkSendInput input =
        new BulkSendInput(
            validated.id(),
            bulk.window(),
            bulk.pageSize(),
            bulk.perRun(),
            BulkProgress.start(validated.id(), validated.recipients().size()),
            false,
            false);
    PendingStart start = launcher.pending(workflowId(validated.id()), StartKind.BULK_SEND, input);
    Boolean owed =
        transaction.execute(
            status -> {
              if (store.insert(validated, clock.instant())) {
                return starts.add(start, dispatcher.hold());
              }
              if (!store
                  .requestHash(validated.id())
                  .orElseThrow()
                  .equals(validated.requestHash())) {
                throw new IdempotencyConflictException(
                    "This Idempotency-Key was used for a different bulk send; use a new key.");
              }
              // The same request again: its start is owed still or made already.
              return false;
            });
    if (Boolean.TRUE.equals(owed)) {
      dispatcher.afterCommit(start);
    }
  }

  /**
   * The workflow's counts; before the workflow has started, the accepted bulk send with nothing
   * started yet.
   */
  BulkProgress progress(String id) {
    return progress(id, store.total(id).orElseThrow(() -> notFound(id)));
  }

  private BulkProgress progress(String id, int total) {
    try {
      return workflow(id).getProgress();
    } catch (WorkflowNotFoundException e) {
      if (starts.find(workflowId(id)).isPresent()) {
        return BulkProgress.start(id, total);
      }
    }
    // The owed start is deleted only once the workflow exists: it may have been started between
    // the query and the look at the owed starts (CI, 2026-12-03), so ask the workflow again.
    try {
      return workflow(id).getProgress();
    } catch (WorkflowNotFoundException e) {
      throw new NotFoundException(
          "Bulk send "
              + id
              + " is recorded, but its workflow is no longer in Temporal (it ended longer ago than"
              + " the namespace's retention); its messages are at GET /api/messages.");
    }
  }

  /** Signals the bulk send's workflow, starting it first if its start is still owed. */
  BulkProgress signal(String id, Consumer<BulkSendWorkflow> signal) {
    int total = store.total(id).orElseThrow(() -> notFound(id));
    dispatcher.startNow(workflowId(id));
    try {
      signal.accept(workflow(id));
    } catch (WorkflowNotFoundException e) {
      // Ended already: nothing left to pause or cancel; the answer shows how it ended.
    }
    return progress(id, total);
  }

  private BulkSendWorkflow workflow(String id) {
    return client.newWorkflowStub(BulkSendWorkflow.class, workflowId(id));
  }

  private static NotFoundException notFound(String id) {
    return new NotFoundException("No bulk send " + id + " is recorded.");
  }
}

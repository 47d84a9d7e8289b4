package io.switchboard.api.messaging;

import io.switchboard.api.starts.PendingStart;
import io.switchboard.api.starts.StartDispatcher;
import io.switchboard.api.starts.StartKind;
import io.switchboard.api.starts.WorkflowLauncher;
import io.switchboard.api.starts.WorkflowStarts;
import io.switchboard.messaging.MessageDeliveryWorkflow;
import io.switchboard.messaging.MessageRecord;
import io.switchboard.messaging.MessageRepository;
import io.switchboard.messaging.MessageRequest;
import io.switchboard.messaging.MessageWorkflowIds;
import io.switchboard.ops.NumberFingerprint;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Accepts a validated message exactly once per idempotency key: the row (with the request's hash)
 * is the durable record of the key, and it commits with the workflow's start owed ({@link
 * WorkflowStarts}), so the 202 waits for PostgreSQL only; the workflow id {@code message:{key}}
 * makes the start idempotent. A repeated request finds both and starts nothing new.
 */
@Component
class MessageSender {

  private final MessageRepository messages;
  private final WorkflowClient client;
  private final WorkflowStarts starts;
  private final WorkflowLauncher launcher;
  private final StartDispatcher dispatcher;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final NumberFingerprint fingerprint;

  MessageSender(
      MessageRepository messages,
      WorkflowClient client,
      WorkflowStarts starts,
      WorkflowLauncher launcher,
      StartDispatcher dispatcher,
      PlatformTransactionManager transactions,
      Clock clock,
      NumberFingerprint fingerprint) {
    this.messages = messages;
    this.client = client;
    this.starts = starts;
    this.launcher = launcher;
    this.dispatcher = dispatcher;
    this.transaction = new TransactionTemplate(transactions);
    this.clock = clock;
    this.fingerprint = fingerprint;
  }

  MessageRecord accept(ValidatedMessage message) {
    MessageRequest request = message.request();
    String workflowId = MessageWorkflowIds.message(request.id());
    // The recipient's fingerprint, for ops' search by number; it is not part of the request's
    // hash, so a repeated request with another key setting is still the same message.
    PendingStart start =
        launcher.pending(
            workflowId,
            StartKind.MESSAGE,
            request.withParticipantFingerprint(fingerprint.of(request.to())));
    Accepted accepted = transaction.execute(status -> record(message, start));
    if (accepted.owed()) {
      dispatcher.afterCommit(start);
    }
    return accepted.row();
  }

  private Accepted record(ValidatedMessage message, PendingStart start) {
    MessageRequest request = message.request();
    messages.insertAccepted(
        request.id(),
        request.channel(),
        request.from(),
        request.to(),
        request.mediaUrls().size(),
        message.segments() == null ? null : message.segments().encoding(),
        message.segments() == null ? null : message.segments().segments(),
        message.requestHash(),
        request.sendAtMillis() == null ? null : Instant.ofEpochMilli(request.sendAtMillis()),
        clock.instant());
    MessageRecord row = messages.findById(request.id()).orElseThrow();
    if (!message.requestHash().equals(row.requestHash())) {
      throw new IdempotencyConflictException(
          "This Idempotency-Key was used for a different message; use a new key for a new"
              + " message, or repeat the original request exactly.");
    }
    // Once the workflow has moved the message on, it exists; starting again could only re-send
    // after Temporal forgot the closed workflow, which is what the row prevents. While the row
    // is still accepted, owing the start again is harmless: a started workflow is not restarted.
    boolean owed = "accepted".equals(row.status()) && starts.add(start, dispatcher.hold());
    return new Accepted(row, owed);
  }

  /**
   * Asks a message's workflow to cancel it if it is not sent yet. A message accepted a moment ago
   * may not have its workflow yet: it is started first, so that the cancel reaches it. A workflow
   * that has ended already cannot be signalled, and there is nothing to cancel.
   */
  void cancel(String id) {
    String workflowId = MessageWorkflowIds.message(id);
    dispatcher.startNow(workflowId);
    try {
      client.newWorkflowStub(MessageDeliveryWorkflow.class, workflowId).cancel();
    } catch (WorkflowNotFoundException e) {
      // Ended: sent, failed or cancelled before.
    }
  }

  private record Accepted(MessageRecord row, boolean owed) {}
}

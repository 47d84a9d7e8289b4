package io.switchboard.api.messaging;

import io.switchboard.config.SwitchboardProperties;
import io.switchboard.messaging.MessageDeliveryWorkflow;
import io.switchboard.messaging.MessageRecord;
import io.switchboard.messaging.MessageRepository;
import io.switchboard.messaging.MessageRequest;
import io.switchboard.messaging.MessageWorkflowIds;
import io.switchboard.ops.NumberFingerprint;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Accepts a validated message exactly once per idempotency key: the row (with the request's hash)
 * is the durable record of the key, and the workflow id {@code message:{key}} makes the start
 * idempotent too. A repeated request finds both and starts nothing new.
 */
@Component
class MessageSender {

  private final MessageRepository messages;
  private final WorkflowClient client;
  private final String taskQueue;
  private final Clock clock;
  private final NumberFingerprint fingerprint;

  MessageSender(
      MessageRepository messages,
      WorkflowClient client,
      SwitchboardProperties properties,
      Clock clock,
      NumberFingerprint fingerprint) {
    this.messages = messages;
    this.client = client;
    this.taskQueue = properties.taskQueues().messaging();
    this.clock = clock;
    this.fingerprint = fingerprint;
  }

  MessageRecord accept(ValidatedMessage message) {
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
    // after Temporal forgot the closed workflow, which is what the row prevents.
    if ("accepted".equals(row.status())) {
      start(request);
    }
    return row;
  }

  /**
   * Asks a message's workflow to cancel it if it is not sent yet. A workflow that has ended already
   * cannot be signalled, and there is nothing to cancel.
   */
  void cancel(String id) {
    try {
      client
          .newWorkflowStub(MessageDeliveryWorkflow.class, MessageWorkflowIds.message(id))
          .cancel();
    } catch (WorkflowNotFoundException e) {
      // Ended: sent, failed or cancelled before.
    }
  }

  private void start(MessageRequest request) {
    WorkflowOptions options =
        WorkflowOptions.newBuilder()
            .setWorkflowId(MessageWorkflowIds.message(request.id()))
            .setTaskQueue(taskQueue)
            .setWorkflowIdReusePolicy(
                WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
            .build();
    MessageDeliveryWorkflow delivery =
        client.newWorkflowStub(MessageDeliveryWorkflow.class, options);
    try {
      // The recipient's fingerprint, for ops' search by number; it is not part of the request's
      // hash, so a repeated request with another key setting is still the same message.
      WorkflowClient.start(
          delivery::deliver, request.withParticipantFingerprint(fingerprint.of(request.to())));
    } catch (WorkflowExecutionAlreadyStarted e) {
      // The same request again while (or after) its workflow runs: nothing more to do.
    }
  }
}

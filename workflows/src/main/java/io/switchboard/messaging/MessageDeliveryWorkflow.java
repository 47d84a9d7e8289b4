package io.switchboard.messaging;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One outbound message from acceptance to its final status. Workflow id {@code message:{key}}
 * ({@link MessageWorkflowIds}), task queue {@code messaging}. Its history is the message's delivery
 * log; its retry policies replace a dead-letter queue.
 */
@WorkflowInterface
public interface MessageDeliveryWorkflow {

  @WorkflowMethod
  MessageState deliver(MessageRequest request);

  /**
   * A status callback for the message. Duplicates and late callbacks are harmless: the status only
   * moves forward. The ingress signals it to the workflow id in the callback URL's {@code
   * workflowId} query parameter.
   */
  @SignalMethod
  void messageStatusChanged(MessageStatusEvent event);

  /**
   * Cancels the message if it has not been sent yet (a scheduled send, or one waiting for quiet
   * hours or its sender's rate); it then ends {@code canceled}. Once sent, it changes nothing.
   */
  @SignalMethod
  void cancel();

  @QueryMethod
  MessageState getState();
}

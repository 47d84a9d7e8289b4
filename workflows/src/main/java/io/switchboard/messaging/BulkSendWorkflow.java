package io.switchboard.messaging;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One bulk send: a template to many recipients, each a child {@link MessageDeliveryWorkflow}, a
 * sliding window of them at a time, each taking its turn at the sender's rate gate. Workflow id
 * {@code bulk:{id}}, task queue {@code messaging}. Recipients are paged from PostgreSQL and the
 * workflow continues as new every few hundred, so that 100,000 recipients work.
 */
@WorkflowInterface
public interface BulkSendWorkflow {

  @WorkflowMethod
  BulkProgress send(BulkSendInput input);

  /** Starts no further messages until resumed; messages already started go on. */
  @SignalMethod
  void pause();

  @SignalMethod
  void resume();

  /**
   * Starts no further messages and cancels those started but not yet sent (waiting for their turn
   * at the rate gate); messages already sent are followed to their end.
   */
  @SignalMethod
  void cancel();

  @QueryMethod
  BulkProgress getProgress();
}

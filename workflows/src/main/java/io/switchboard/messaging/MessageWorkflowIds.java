package io.switchboard.messaging;

/**
 * Workflow ids for messaging. A message's workflow is named by the sender's idempotency key, so
 * that a repeated request finds the delivery already under way instead of sending again.
 */
public final class MessageWorkflowIds {
  private static final String MESSAGE_PREFIX = "message:";

  private MessageWorkflowIds() {}

  public static String message(String idempotencyKey) {
    if (idempotencyKey == null || idempotencyKey.isBlank()) {
      throw new IllegalArgumentException("an idempotency key is required");
    }
    return MESSAGE_PREFIX + idempotencyKey;
  }

  /** The idempotency key inside a message workflow id, as status callbacks carry it. */
  public static String key(String workflowId) {
    if (workflowId == null || !workflowId.startsWith(MESSAGE_PREFIX)) {
      throw new IllegalArgumentException("not a message workflow id");
    }
    return workflowId.substring(MESSAGE_PREFIX.length());
  }
}

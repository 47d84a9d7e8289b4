package io.switchboard.voice.outbound;

/** Workflow ids of outbound calls: {@code outbound-call:{idempotencyKey}}. */
public final class OutboundCallWorkflowIds {
  private static final String PREFIX = "outbound-call:";

  private OutboundCallWorkflowIds() {}

  public static String outboundCall(String key) {
    if (key == null || key.isBlank()) {
      throw new IllegalArgumentException("an idempotency key is required");
    }
    return PREFIX + key;
  }

  /** The idempotency key in a workflow id, or null when the id is not an outbound call's. */
  public static String key(String workflowId) {
    return workflowId != null && workflowId.startsWith(PREFIX)
        ? workflowId.substring(PREFIX.length())
        : null;
  }
}

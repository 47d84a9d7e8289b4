package io.switchboard.messaging;

/**
 * Workflow ids for messaging. A message's workflow is named by the sender's idempotency key, so
 * that a repeated request finds the delivery already under way instead of sending again.
 */
public final class MessageWorkflowIds {
  private static final String MESSAGE_PREFIX = "message:";
  private static final String INBOUND_PREFIX = "inbound-message:";

  private MessageWorkflowIds() {}

  public static String message(String idempotencyKey) {
    if (idempotencyKey == null || idempotencyKey.isBlank()) {
      throw new IllegalArgumentException("an idempotency key is required");
    }
    return MESSAGE_PREFIX + idempotencyKey;
  }

  /**
   * The id of a message's resend on its fallback channel. {@code ~} never occurs in client keys
   * (the api allows letters, digits and {@code . _ : -}), so it cannot collide with one.
   */
  public static String fallbackKey(String idempotencyKey, String channel) {
    return idempotencyKey + "~" + channel;
  }

  /**
   * The workflow of an inbound message: {@code inbound-message:{MessageSid}}, so that Twilio's
   * retries and operators' replays of its webhook find the one already started.
   */
  public static String inboundMessage(String messageSid) {
    if (messageSid == null || !messageSid.matches("(SM|MM)[0-9a-fA-F]{32}")) {
      throw new IllegalArgumentException("not a MessageSid");
    }
    return INBOUND_PREFIX + messageSid;
  }

  /** The idempotency key inside a message workflow id, as status callbacks carry it. */
  public static String key(String workflowId) {
    if (workflowId == null || !workflowId.startsWith(MESSAGE_PREFIX)) {
      throw new IllegalArgumentException("not a message workflow id");
    }
    return workflowId.substring(MESSAGE_PREFIX.length());
  }
}

package io.switchboard.api.starts;

/** The workflows the API accepts requests for and starts after their commit. */
public enum StartKind {
  /** A {@code MessageDeliveryWorkflow} for a {@code POST /api/messages/send}. */
  MESSAGE,
  /** An {@code OutboundCallWorkflow} for a {@code POST /api/calls/initiate}. */
  OUTBOUND_CALL,
  /** A {@code BulkSendWorkflow} for a {@code POST /api/messages/bulk}. */
  BULK_SEND
}

package io.switchboard.messaging;

/** Where an inbound medium is, as {@code message_media.state} records it. */
public enum InboundMediaState {
  /** Named by the webhook; not fetched yet. */
  PENDING,
  /** Fetched from Twilio, encrypted, stored and verified. */
  STORED,
  /** Its URL is not on Twilio's media hosts: never fetched. */
  REFUSED,
  /** Fetching or verifying failed within the retry policy. */
  FAILED,
  /** Stored, then erased (on request, or past the retention period): the copy is gone. */
  ERASED;

  /** The column value. */
  public String value() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}

package io.switchboard.messaging;

/**
 * The forward-only state machine of one message's status, kept by its workflow: a status replaces
 * the current one only if it ranks higher ({@link MessageStatuses#rank}), so duplicates and late
 * callbacks change nothing. Plain and deterministic, so it is safe in workflow code.
 */
final class DeliveryStatus {

  private String messageSid;
  private String status = "accepted";
  private Integer errorCode;
  private String errorMessage;

  /** What applying an event did. */
  enum Outcome {
    /** The message moved forward. */
    APPLIED,
    /** Kept as history only: the message is already further on. */
    STALE,
    /** The event is about another message and is ignored. */
    FOREIGN
  }

  Outcome apply(MessageStatusEvent event) {
    if (messageSid != null
        && event.messageSid() != null
        && !messageSid.equals(event.messageSid())) {
      return Outcome.FOREIGN;
    }
    if (messageSid == null) {
      messageSid = event.messageSid(); // A callback may overtake the create answer.
    }
    if (MessageStatuses.rank(event.status()) <= MessageStatuses.rank(status)) {
      return Outcome.STALE;
    }
    status = event.status();
    if (event.errorCode() != null) {
      errorCode = event.errorCode();
    }
    return Outcome.APPLIED;
  }

  /** Marks the message scheduled while it waits for its time. */
  void schedule() {
    status = "scheduled";
  }

  /** Ends the message as failed for a reason of ours (opted out, refused, retries exhausted). */
  void fail(Integer code, String reason) {
    status = "failed";
    errorCode = code;
    errorMessage = reason;
  }

  /** Ends a message that was cancelled before it was sent. */
  void cancel(String reason) {
    status = "canceled";
    errorMessage = reason;
  }

  boolean isFinal() {
    return MessageStatuses.isFinal(status);
  }

  String messageSid() {
    return messageSid;
  }

  String status() {
    return status;
  }

  MessageState toState(String id, String fallbackId) {
    return new MessageState(id, messageSid, status, errorCode, errorMessage, fallbackId);
  }
}

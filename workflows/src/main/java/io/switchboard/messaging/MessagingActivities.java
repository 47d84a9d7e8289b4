package io.switchboard.messaging;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * Side effects of a message delivery. Every method is idempotent: Temporal may run it again. Twilio
 * failures are {@code ApplicationFailure}s typed by {@link
 * io.switchboard.common.TwilioFailureType}, carrying Twilio's error code as their detail.
 */
@ActivityInterface
public interface MessagingActivities {

  /**
   * Records the message as accepted unless it is recorded already (the api records it first; a
   * service that starts the workflow with its own Temporal client does not).
   */
  @ActivityMethod
  void recordAccepted(MessageRequest request);

  /** Whether the recipient has opted out of messages from this sender. */
  @ActivityMethod
  boolean isOptedOut(ConsentQuery query);

  /**
   * Creates the message at Twilio, at most once per request id: a retry first looks for the message
   * an earlier attempt may have created before its answer was lost.
   */
  @ActivityMethod
  MessageStatusEvent send(SendRequest request);

  /** Twilio's current view of the message, for when no final status callback arrives. */
  @ActivityMethod
  MessageStatusEvent fetch(FetchRequest request);

  /** Records a status in PostgreSQL: the event always, the message's status only forward. */
  @ActivityMethod
  void recordStatus(StatusRecord record);

  /**
   * Asks the sender's shared rate gate for a slot to send now. Zero when granted (send at once);
   * else how long to wait before asking again. Throttling is an answer, not a failure, so that it
   * never uses up the send's retry attempts.
   */
  @ActivityMethod
  long acquireSendSlot(SlotRequest request);

  /**
   * Whether the recipient wrote to this WhatsApp sender in the last 24 hours, so that a free-form
   * message may be sent; outside that window WhatsApp accepts only approved templates.
   */
  @ActivityMethod
  boolean isWhatsAppSessionOpen(ConsentQuery query);

  /**
   * @param from the sender, whose throughput the slot is taken from
   * @param segments how many SMS segments the message costs (1 for WhatsApp and media only)
   */
  record SlotRequest(String from, int segments) {}

  /**
   * @param from the sender
   * @param to the recipient
   */
  record ConsentQuery(String from, String to) {}

  /**
   * @param request the message
   * @param requestId made once by the workflow, so that every attempt is the same send
   * @param workflowId where Twilio's status callbacks are to be signalled
   * @param useContent send the request's approved WhatsApp template (ContentSid and variables)
   *     instead of its body, because the 24-hour session window is closed
   */
  record SendRequest(
      MessageRequest request, String requestId, String workflowId, boolean useContent) {

    /** A send of the body (not a WhatsApp template). */
    public SendRequest(MessageRequest request, String requestId, String workflowId) {
      this(request, requestId, workflowId, false);
    }
  }

  /**
   * @param messageSid the message to fetch
   */
  record FetchRequest(String messageSid) {}

  /**
   * @param id the message's idempotency key
   * @param messageSid Twilio's MessageSid, if known
   * @param status the status received
   * @param errorCode Twilio's error code, if any
   * @param errorMessage a readable reason for a failure, if any
   * @param source where the status came from: {@code api}, {@code callback}, {@code fetch} or
   *     {@code workflow}
   * @param applied whether it moved the message forward (else it is history only)
   * @param occurredAtMillis when the workflow learned it, epoch milliseconds
   */
  record StatusRecord(
      String id,
      String messageSid,
      String status,
      Integer errorCode,
      String errorMessage,
      String source,
      boolean applied,
      long occurredAtMillis) {}
}

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
   * Creates the message at Twilio, at most once per request id: a retry, or the first attempt in a
   * run after a reset, first looks for the message an earlier attempt may have created before its
   * answer was lost.
   */
  @ActivityMethod
  MessageStatusEvent send(SendRequest request);

  /** Twilio's current view of the message, for when no final status callback arrives. */
  @ActivityMethod
  MessageStatusEvent fetch(FetchRequest request);

  /**
   * Records a status in PostgreSQL: the event always, the message's status only forward within a
   * workflow run. A newer run (an operator's reset of a failed delivery) starts a new attempt,
   * which may move a final message on.
   */
  @ActivityMethod
  void recordStatus(StatusRecord record);

  /**
   * Like {@link #send}, but first takes the message's segments from its sender's shared rate gate,
   * right before the create call, so that creates at Twilio are never closer together than the
   * sender's rate. When the gate does not grant, nothing is sent and the outcome says how long to
   * wait before asking again: throttling is an answer, not a failure, so it never uses up retries.
   */
  @ActivityMethod
  SendOutcome sendWithinRate(SendRequest request);

  /**
   * Whether the recipient wrote to this WhatsApp sender in the last 24 hours, so that a free-form
   * message may be sent; outside that window WhatsApp accepts only approved templates.
   */
  @ActivityMethod
  boolean isWhatsAppSessionOpen(ConsentQuery query);

  /**
   * @param event the message as Twilio created it, or null when throttled
   * @param waitMillis when throttled, how long until the sender's gate can grant; else 0
   */
  record SendOutcome(MessageStatusEvent event, long waitMillis) {

    public static SendOutcome sent(MessageStatusEvent event) {
      return new SendOutcome(event, 0);
    }

    public static SendOutcome throttled(long waitMillis) {
      return new SendOutcome(null, Math.max(1, waitMillis));
    }
  }

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
   * @param afterReset the workflow runs after an operator's reset: an earlier run may have created
   *     the message even though this is the activity's first attempt, so Twilio is asked first
   */
  record SendRequest(
      MessageRequest request,
      String requestId,
      String workflowId,
      boolean useContent,
      boolean afterReset) {

    /** A send of the body (not a WhatsApp template) in a run that was not reset. */
    public SendRequest(MessageRequest request, String requestId, String workflowId) {
      this(request, requestId, workflowId, false, false);
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
   * @param runId the workflow run that learned it: a newer run than the one that made the message
   *     final is an operator's retry, a new attempt; null from workflows older than this field
   */
  record StatusRecord(
      String id,
      String messageSid,
      String status,
      Integer errorCode,
      String errorMessage,
      String source,
      boolean applied,
      long occurredAtMillis,
      String runId) {}
}

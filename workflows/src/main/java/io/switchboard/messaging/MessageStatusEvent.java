package io.switchboard.messaging;

import java.util.Map;

/**
 * A message status as Twilio reported it: from a status callback, from the create answer, or from a
 * fetch when no callback came.
 *
 * @param messageSid the Message resource
 * @param status Twilio's MessageStatus, for example {@code delivered}
 * @param errorCode Twilio's ErrorCode for undelivered and failed messages, else null
 * @param sequence an ordering hint when the source has one, else null (message callbacks have no
 *     SequenceNumber; the status order decides)
 * @param timestampMillis when Twilio says it happened, epoch milliseconds, else null
 */
public record MessageStatusEvent(
    String messageSid, String status, Integer errorCode, Long sequence, Long timestampMillis) {

  /**
   * The event in a status callback's form parameters ({@code MessageSid}, {@code MessageStatus},
   * {@code ErrorCode}). For the webhook ingress, which signals it to {@link
   * MessageDeliveryWorkflow#messageStatusChanged}.
   */
  public static MessageStatusEvent fromCallback(Map<String, String> params) {
    String sid = params.getOrDefault("MessageSid", params.get("SmsSid"));
    String status = params.getOrDefault("MessageStatus", params.get("SmsStatus"));
    if (sid == null || status == null) {
      throw new IllegalArgumentException("not a message status callback");
    }
    String code = params.get("ErrorCode");
    Integer errorCode = code == null || code.isBlank() ? null : Integer.valueOf(code.trim());
    return new MessageStatusEvent(sid, status, errorCode, null, null);
  }
}

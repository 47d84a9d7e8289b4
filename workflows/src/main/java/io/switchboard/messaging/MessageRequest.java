package io.switchboard.messaging;

import java.util.List;

/**
 * One outbound message, validated by the api before the workflow starts.
 *
 * @param id the sender's idempotency key; the workflow is {@code message:{id}}
 * @param channel {@code sms}, {@code mms} or {@code whatsapp}
 * @param from our sender, with the channel prefix Twilio wants ({@code whatsapp:+1…})
 * @param to the recipient, likewise (personal data: never logged)
 * @param body the text (personal data: never logged), or null for media only
 * @param mediaUrls media to attach; empty for none
 * @param sendAtMillis when to send, epoch milliseconds, or null for now
 * @param quietHours when not to send, or null for any time
 * @param statusCheckAfterSeconds how long to wait for a final status callback before asking Twilio
 * @param fallback where to resend if the message is not delivered, or null for nowhere (added in
 *     version 1 of the {@code sms-fallback} change)
 * @param contentSid an approved WhatsApp template (Twilio Content API {@code HX…}) to send instead
 *     of the body when the recipient's 24-hour session window is closed, or null
 * @param contentVariables the template's variables as Twilio's ContentVariables JSON, or null
 * @param participantFingerprint the keyed fingerprint of the recipient's number, published as the
 *     {@code ParticipantNumber} search attribute; null in requests from before it existed
 */
public record MessageRequest(
    String id,
    String channel,
    String from,
    String to,
    String body,
    List<String> mediaUrls,
    Long sendAtMillis,
    QuietHours quietHours,
    long statusCheckAfterSeconds,
    FallbackChannel fallback,
    String contentSid,
    String contentVariables,
    String participantFingerprint) {

  /** A message whose recipient's fingerprint is not known yet. */
  public MessageRequest(
      String id,
      String channel,
      String from,
      String to,
      String body,
      List<String> mediaUrls,
      Long sendAtMillis,
      QuietHours quietHours,
      long statusCheckAfterSeconds,
      FallbackChannel fallback,
      String contentSid,
      String contentVariables) {
    this(
        id,
        channel,
        from,
        to,
        body,
        mediaUrls,
        sendAtMillis,
        quietHours,
        statusCheckAfterSeconds,
        fallback,
        contentSid,
        contentVariables,
        null);
  }

  /** A message without a WhatsApp template. */
  public MessageRequest(
      String id,
      String channel,
      String from,
      String to,
      String body,
      List<String> mediaUrls,
      Long sendAtMillis,
      QuietHours quietHours,
      long statusCheckAfterSeconds,
      FallbackChannel fallback) {
    this(
        id,
        channel,
        from,
        to,
        body,
        mediaUrls,
        sendAtMillis,
        quietHours,
        statusCheckAfterSeconds,
        fallback,
        null,
        null);
  }

  /** The same message, with its recipient's fingerprint. */
  public MessageRequest withParticipantFingerprint(String fingerprint) {
    return new MessageRequest(
        id,
        channel,
        from,
        to,
        body,
        mediaUrls,
        sendAtMillis,
        quietHours,
        statusCheckAfterSeconds,
        fallback,
        contentSid,
        contentVariables,
        fingerprint);
  }

  public MessageRequest {
    mediaUrls = mediaUrls == null ? List.of() : List.copyOf(mediaUrls);
  }
}

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
    long statusCheckAfterSeconds) {

  public MessageRequest {
    mediaUrls = mediaUrls == null ? List.of() : List.copyOf(mediaUrls);
  }
}

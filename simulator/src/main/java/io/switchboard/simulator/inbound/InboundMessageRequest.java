package io.switchboard.simulator.inbound;

import java.util.List;

/**
 * A message from a handset to one of our numbers.
 *
 * @param from the sender: E.164 for SMS/MMS, {@code whatsapp:+…} for WhatsApp
 * @param to one of our numbers (with the same {@code whatsapp:} prefix for WhatsApp)
 * @param body the text
 * @param mediaUrls media URLs put in the webhook as they are (makes it an MMS); for URLs that are
 *     not Twilio's, such as a test of what the application refuses to fetch
 * @param media media the handset attaches: the simulator keeps it as Twilio's Media subresource of
 *     the message and puts its Twilio URL in the webhook, after any {@code mediaUrls}
 * @param profileName the WhatsApp profile name, for WhatsApp
 * @param url the messaging URL to use instead of the number's configured one, else null
 */
public record InboundMessageRequest(
    String from,
    String to,
    String body,
    List<String> mediaUrls,
    List<Attachment> media,
    String profileName,
    String url) {

  public InboundMessageRequest {
    mediaUrls = mediaUrls == null ? List.of() : List.copyOf(mediaUrls);
    media = media == null ? List.of() : List.copyOf(media);
  }

  /** How many media the message carries. */
  public int mediaCount() {
    return mediaUrls.size() + media.size();
  }

  /**
   * An attachment.
   *
   * @param contentType its MIME type, such as {@code image/png}
   * @param content its bytes in base64; when absent, a few kilobytes of made-up bytes
   */
  public record Attachment(String contentType, String content) {}
}

package io.switchboard.simulator.inbound;

import java.util.List;

/**
 * A message from a handset to one of our numbers.
 *
 * @param from the sender: E.164 for SMS/MMS, {@code whatsapp:+…} for WhatsApp
 * @param to one of our numbers (with the same {@code whatsapp:} prefix for WhatsApp)
 * @param body the text
 * @param mediaUrls attached media (makes it an MMS, or a WhatsApp media message)
 * @param profileName the WhatsApp profile name, for WhatsApp
 * @param url the messaging URL to use instead of the number's configured one, else null
 */
public record InboundMessageRequest(
    String from, String to, String body, List<String> mediaUrls, String profileName, String url) {

  public InboundMessageRequest {
    mediaUrls = mediaUrls == null ? List.of() : List.copyOf(mediaUrls);
  }
}

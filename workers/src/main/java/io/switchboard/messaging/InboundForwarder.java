package io.switchboard.messaging;

import io.switchboard.config.SwitchboardProperties;
import io.switchboard.integration.SignedEventPoster;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts an inbound message to the integration endpoint as a signed {@code message.received} event:
 * its SID, addresses, text, and each medium's state with a link to our API, never Twilio's URL
 * (Twilio's copy may be gone) and never the bytes.
 */
@Component
class InboundForwarder {

  static final String EVENT_TYPE = "message.received";

  /** A mapper of its own, so that the event's shape does not follow the application's settings. */
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final InboundMessageProperties properties;
  private final SwitchboardProperties switchboard;
  private final SignedEventPoster poster;

  InboundForwarder(
      InboundMessageProperties properties, SwitchboardProperties switchboard, Clock clock) {
    this.properties = properties;
    this.switchboard = switchboard;
    this.poster = new SignedEventPoster(clock);
  }

  boolean configured() {
    return properties.forwarding();
  }

  void forward(MessageRecord message, List<MessageMediaRow> media, String idempotencyKey)
      throws IOException, InterruptedException {
    poster.post(
        properties.forwardUrl(),
        properties.forwardSecret(),
        "SWITCHBOARD_INBOUND_MESSAGE_SECRET",
        idempotencyKey,
        JSON.writeValueAsString(event(message, media)),
        "inbound message event");
  }

  Map<String, Object> event(MessageRecord message, List<MessageMediaRow> media) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("type", EVENT_TYPE);
    event.put("messageSid", message.messageSid());
    event.put("channel", message.channel());
    event.put("from", message.fromAddress());
    event.put("to", message.toAddress());
    event.put("body", message.body());
    event.put("receivedAt", message.createdAt() == null ? null : message.createdAt().toString());
    event.put("media", media.stream().map(this::medium).toList());
    return event;
  }

  private Map<String, Object> medium(MessageMediaRow row) {
    Map<String, Object> medium = new LinkedHashMap<>();
    medium.put("index", row.index());
    medium.put("contentType", row.contentType());
    medium.put("state", row.state());
    if (row.stored()) {
      medium.put("sizeBytes", row.sizeBytes());
      medium.put("sha256", row.sha256());
      medium.put("url", link(row.messageId(), row.index()));
    }
    return medium;
  }

  /** Our API's URL of a stored medium: absolute when the public URL is known. */
  String link(String messageId, int index) {
    String path = "/api/messages/" + messageId + "/media/" + index;
    URI base = switchboard.publicUrl();
    if (base == null || base.toString().isBlank()) {
      return path;
    }
    String root = base.toString();
    return (root.endsWith("/") ? root.substring(0, root.length() - 1) : root) + path;
  }
}

package io.switchboard.recording;

import io.switchboard.integration.SignedEventPoster;
import io.switchboard.recording.RecordingActivities.ReadyEvent;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Posts the "recording ready" integration event, signed by {@link SignedEventPoster}; {@code
 * Idempotency-Key} is the workflow's request id, the same on every retry.
 */
@Component
class ReadyEventPublisher {

  static final String SIGNATURE_HEADER = SignedEventPoster.SIGNATURE_HEADER;

  private final RecordingProperties properties;
  private final SignedEventPoster poster;

  ReadyEventPublisher(RecordingProperties properties, Clock clock) {
    this.properties = properties;
    this.poster = new SignedEventPoster(clock);
  }

  boolean configured() {
    URI url = properties.readyEventUrl();
    return url != null && !url.toString().isBlank();
  }

  void publish(ReadyEvent event) throws IOException, InterruptedException {
    String body =
        String.format(
            "{\"type\":\"recording.ready\",\"recordingId\":\"%s\",\"recordingSid\":\"%s\","
                + "\"callSid\":\"%s\",\"transcript\":\"%s\"}",
            event.recordingId(),
            event.recordingSid(),
            event.callSid(),
            event.transcript().name().toLowerCase(Locale.ROOT));
    poster.post(
        properties.readyEventUrl(),
        properties.readyEventSecret(),
        "SWITCHBOARD_RECORDING_READY_SECRET",
        event.requestId(),
        body,
        "recording ready event");
  }

  String sign(String payload) {
    String secret = properties.readyEventSecret();
    if (secret == null || secret.isBlank()) {
      throw new IllegalStateException(
          "set SWITCHBOARD_RECORDING_READY_SECRET to sign recording ready events");
    }
    return SignedEventPoster.sign(secret, payload);
  }
}

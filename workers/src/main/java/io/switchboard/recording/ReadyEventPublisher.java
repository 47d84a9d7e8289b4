package io.switchboard.recording;

import io.switchboard.recording.RecordingActivities.ReadyEvent;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Posts the "recording ready" integration event. The body is signed as {@code t=<epoch
 * seconds>,v1=<hex HMAC-SHA256 of "t.body">} in {@code Switchboard-Signature}, so that receivers
 * can check it and refuse replays; {@code Idempotency-Key} is the workflow's request id, the same
 * on every retry. Retries are Temporal's: a failure here is an exception.
 */
@Component
class ReadyEventPublisher {

  static final String SIGNATURE_HEADER = "Switchboard-Signature";

  private final RecordingProperties properties;
  private final Clock clock;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  ReadyEventPublisher(RecordingProperties properties, Clock clock) {
    this.properties = properties;
    this.clock = clock;
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
            event.transcript().name().toLowerCase(java.util.Locale.ROOT));
    long t = clock.instant().getEpochSecond();
    HttpRequest request =
        HttpRequest.newBuilder(properties.readyEventUrl())
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", event.requestId())
            .header(SIGNATURE_HEADER, "t=" + t + ",v1=" + sign(t + "." + body))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException(
          "recording ready event answered HTTP " + response.statusCode());
    }
  }

  String sign(String payload) {
    String secret = properties.readyEventSecret();
    if (secret == null || secret.isBlank()) {
      throw new IllegalStateException(
          "set SWITCHBOARD_RECORDING_READY_SECRET to sign recording ready events");
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}

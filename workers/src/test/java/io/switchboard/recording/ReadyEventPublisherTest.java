package io.switchboard.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.switchboard.recording.RecordingActivities.ReadyEvent;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The "recording ready" event as a receiver sees it: signed, with a stable idempotency key. */
class ReadyEventPublisherTest {

  record Received(String body, String signature, String idempotencyKey) {}

  private final List<Received> received = new ArrayList<>();
  private HttpServer server;
  private int status = 204;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/events",
        exchange -> {
          received.add(
              new Received(
                  new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                  exchange.getRequestHeaders().getFirst(ReadyEventPublisher.SIGNATURE_HEADER),
                  exchange.getRequestHeaders().getFirst("Idempotency-Key")));
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void postsASignedEventThatTheReceiverCanCheck() throws Exception {
    ReadyEventPublisher publisher = publisher("s3cret");

    publisher.publish(event());

    assertThat(received).hasSize(1);
    Received event = received.get(0);
    assertThat(event.body()).contains("\"type\":\"recording.ready\"", "\"transcript\":\"twilio\"");
    assertThat(event.idempotencyKey()).isEqualTo("req-1");
    assertThat(event.signature())
        .isEqualTo("t=1700000000,v1=" + publisher.sign("1700000000." + event.body()));
  }

  @Test
  void aRefusalIsAFailureForTemporalToRetry() {
    status = 503;

    assertThatThrownBy(() -> publisher("s3cret").publish(event())).hasMessageContaining("HTTP 503");
  }

  private ReadyEventPublisher publisher(String secret) {
    RecordingProperties properties =
        new RecordingProperties(
            Duration.ofDays(7),
            Duration.ofMinutes(10),
            RecordingProperties.Fallback.UNTRANSCRIBED,
            Path.of("target"),
            null,
            null,
            URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/events"),
            secret);
    return new ReadyEventPublisher(
        properties, Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC));
  }

  private static ReadyEvent event() {
    return new ReadyEvent("RE1", "RE1", "CA1", TranscriptOutcome.TWILIO, "req-1");
  }
}

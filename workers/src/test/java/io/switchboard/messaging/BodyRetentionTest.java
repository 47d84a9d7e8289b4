package io.switchboard.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Inbound bodies past the retention period are cleared by the sweep, on a real PostgreSQL; newer
 * ones and outbound rows are left alone, and the message itself stays.
 */
@SpringBootTest(classes = BodyRetentionTest.Config.class)
class BodyRetentionTest {

  static final EmbeddedPostgres POSTGRES = start();
  static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class Config {}

  @DynamicPropertySource
  static void datasource(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> POSTGRES.getJdbcUrl("postgres", "postgres"));
    registry.add("spring.datasource.username", () -> "postgres");
  }

  @Autowired JdbcClient jdbc;
  @Autowired MessageRepository messages;

  @Test
  void inboundBodiesOlderThanTheRetentionAreClearedAndTheMessagesStay() {
    String old = message("inbound", "Call me back about the order.", NOW.minus(Duration.ofDays(8)));
    String older = message("inbound", "STOP", NOW.minus(Duration.ofDays(400)));
    String recent = message("inbound", "See you at 8.", NOW.minus(Duration.ofDays(6)));
    String outbound = message("outbound", "kept by its workflow", NOW.minus(Duration.ofDays(9)));
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    BodyRetention retention =
        new BodyRetention(
            messages,
            new InboundMessageProperties(
                null, null, true, null, Duration.ofMinutes(1), Duration.ofDays(7)),
            clock);

    int first = retention.sweep();
    int second = retention.sweep();

    assertThat(first).isEqualTo(2);
    assertThat(second).as("nothing left to clear").isZero();
    MessageRecord cleared = messages.findById(old).orElseThrow();
    assertThat(cleared.body()).isNull();
    assertThat(cleared.bodyErasedAt()).isEqualTo(NOW);
    assertThat(cleared.status()).isEqualTo("received");
    assertThat(messages.findById(older).orElseThrow().body()).isNull();
    assertThat(messages.findById(recent).orElseThrow().body()).isEqualTo("See you at 8.");
    assertThat(messages.findById(recent).orElseThrow().bodyErasedAt()).isNull();
    assertThat(messages.findById(outbound).orElseThrow().body()).isEqualTo("kept by its workflow");
  }

  private String message(String direction, String body, Instant at) {
    String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
    jdbc.sql(
            "INSERT INTO messages (id, direction, message_sid, channel, from_address, to_address,"
                + " body, num_media, status, status_rank, created_at, updated_at)"
                + " VALUES (:id, :direction, :id, 'sms', '+14155550100', '+15005550006', :body, 0,"
                + " 'received', 0, :at, :at)")
        .param("id", sid)
        .param("direction", direction)
        .param("body", body)
        .param("at", Timestamp.from(at))
        .update();
    return sid;
  }

  private static EmbeddedPostgres start() {
    try {
      return EmbeddedPostgres.start();
    } catch (IOException e) {
      throw new IllegalStateException("embedded PostgreSQL did not start", e);
    }
  }

  @AfterAll
  static void stop() throws IOException {
    POSTGRES.close();
  }
}

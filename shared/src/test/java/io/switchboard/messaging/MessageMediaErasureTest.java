package io.switchboard.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Instant;
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
 * An erased medium stays erased against a real PostgreSQL: a fetch that finishes after the erasure,
 * a failure recorded late, or a second erasure cannot bring it back or audit it twice.
 */
@SpringBootTest(classes = MessageMediaErasureTest.Config.class)
class MessageMediaErasureTest {

  static final EmbeddedPostgres POSTGRES = start();
  static final Instant AT = Instant.parse("2026-12-03T12:00:00Z");

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class Config {}

  @DynamicPropertySource
  static void datasource(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> POSTGRES.getJdbcUrl("postgres", "postgres"));
    registry.add("spring.datasource.username", () -> "postgres");
  }

  @Autowired JdbcClient jdbc;

  @Test
  void anErasedMediumIsNotStoredAgainNorFailedAndIsAuditedOnce() {
    MessageMediaRepository media = new MessageMediaRepository(jdbc);
    String sid = message();
    media.insertPending(sid, 0, "https://api.twilio.com/m/0", "image/png", AT);

    boolean erasedWhilePending = media.erase(sid, 0, "key-1", AT);
    boolean stored = media.saveStored(sid, 0, 10, "a".repeat(64), "k1", AT.plusSeconds(1));
    boolean erased = media.erase(sid, 0, "key-1", AT.plusSeconds(2));
    boolean storedLate = media.saveStored(sid, 0, 10, "a".repeat(64), "k1", AT.plusSeconds(3));
    media.settleUnstored(sid, 0, "failed", "timeout", AT.plusSeconds(4));
    boolean erasedAgain = media.erase(sid, 0, "key-2", AT.plusSeconds(5));

    assertThat(erasedWhilePending).as("nothing stored yet, nothing erased").isFalse();
    assertThat(stored).isTrue();
    assertThat(erased).isTrue();
    assertThat(storedLate).as("a late store is told to delete its copy").isFalse();
    assertThat(erasedAgain).isFalse();
    MessageMediaRow row = media.find(sid, 0).orElseThrow();
    assertThat(row.state()).isEqualTo("erased");
    assertThat(row.stored()).isFalse();
    assertThat(row.storageRef()).isNull();
    assertThat(media.auditCount(sid, 0, "erase")).isEqualTo(1);
    assertThat(media.auditCount(sid, 0)).as("erasure is not a read").isZero();
  }

  private String message() {
    String sid = "MM" + UUID.randomUUID().toString().replace("-", "");
    jdbc.sql(
            "INSERT INTO messages (id, direction, message_sid, channel, from_address, to_address,"
                + " num_media, status, status_rank, created_at, updated_at)"
                + " VALUES (:id, 'inbound', :id, 'mms', '+14155550100', '+15005550006', 1,"
                + " 'received', 0, now(), now())")
        .param("id", sid)
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

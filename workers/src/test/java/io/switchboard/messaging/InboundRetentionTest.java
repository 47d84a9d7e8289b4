package io.switchboard.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.recording.media.FileSystemRecordingStore;
import io.switchboard.recording.media.LocalKeyProvider;
import io.switchboard.recording.media.MediaCipher;
import io.switchboard.recording.media.RecordingStore;
import io.switchboard.recording.media.SealedMedia;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The inbound retentions against a real PostgreSQL: media past their period are erased from the
 * filesystem store, bodies past theirs are cleared; newer ones, media never stored and outbound
 * rows are left alone.
 */
@SpringBootTest(classes = InboundRetentionTest.Config.class)
class InboundRetentionTest {

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
  @TempDir Path dir;

  @Test
  void mediaOlderThanTheRetentionAreErasedAndAuditedAsRetention() throws Exception {
    MessageMediaRepository media = new MessageMediaRepository(jdbc);
    RecordingStore store = new FileSystemRecordingStore(dir);
    SealedMedia sealed =
        new SealedMedia(store, new MediaCipher(LocalKeyProvider.parse("m1:" + key(), null)));
    String old = storedMessage(media, sealed, NOW.minus(Duration.ofDays(31)));
    String recent = storedMessage(media, sealed, NOW.minus(Duration.ofDays(29)));
    String pendingOld = message(NOW.minus(Duration.ofDays(40)));
    media.insertPending(
        pendingOld, 0, "https://api.twilio.com/p", "image/png", NOW.minus(Duration.ofDays(40)));
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    MediaRetention retention =
        new MediaRetention(
            media,
            new MessageMediaEraser(media, sealed, clock),
            new InboundMessageProperties(
                null, null, true, Duration.ofDays(30), Duration.ofMinutes(1), null),
            clock);

    int first = retention.sweep();
    int second = retention.sweep();

    assertThat(first).isEqualTo(1);
    assertThat(second).as("nothing left to erase").isZero();
    assertThat(media.find(old, 0).orElseThrow().state()).isEqualTo("erased");
    assertThat(store.exists(MessageMediaRow.ref(old, 0))).isFalse();
    assertThat(media.auditCount(old, 0, "erase")).isEqualTo(1);
    assertThat(
            jdbc.sql("SELECT principal FROM message_media_access_audit WHERE message_id = :id")
                .param("id", old)
                .query(String.class)
                .single())
        .isEqualTo("retention");
    assertThat(media.find(recent, 0).orElseThrow().state()).isEqualTo("stored");
    assertThat(store.exists(MessageMediaRow.ref(recent, 0))).isTrue();
    assertThat(media.find(pendingOld, 0).orElseThrow().state()).isEqualTo("pending");
  }

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

  private String storedMessage(MessageMediaRepository media, SealedMedia sealed, Instant at)
      throws IOException {
    String sid = message(at);
    media.insertPending(sid, 0, "https://api.twilio.com/m", "image/png", at);
    MediaCipher.Sealed copy =
        sealed.store(
            MessageMediaRow.ref(sid, 0),
            MessageMediaRow.context(sid, 0),
            () -> new ByteArrayInputStream(new byte[512]));
    media.saveStored(sid, 0, copy.sizeBytes(), copy.sha256(), copy.keyId(), at);
    return sid;
  }

  private String message(Instant at) {
    return message("inbound", null, at);
  }

  private String message(String direction, String body, Instant at) {
    String sid = "MM" + UUID.randomUUID().toString().replace("-", "");
    jdbc.sql(
            "INSERT INTO messages (id, direction, message_sid, channel, from_address, to_address,"
                + " body, num_media, status, status_rank, created_at, updated_at)"
                + " VALUES (:id, :direction, :id, 'mms', '+14155550100', '+15005550006', :body, 1,"
                + " 'received', 0, :at, :at)")
        .param("id", sid)
        .param("direction", direction)
        .param("body", body)
        .param("at", java.sql.Timestamp.from(at))
        .update();
    return sid;
  }

  private static String key() {
    byte[] key = new byte[32];
    java.util.Arrays.fill(key, (byte) 7);
    return Base64.getEncoder().encodeToString(key);
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

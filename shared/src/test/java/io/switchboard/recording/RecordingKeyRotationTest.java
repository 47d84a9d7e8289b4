package io.switchboard.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.messaging.MessageMediaRepository;
import io.switchboard.messaging.MessageMediaRow;
import io.switchboard.recording.media.FileSystemRecordingStore;
import io.switchboard.recording.media.KeyProvider;
import io.switchboard.recording.media.LocalKeyProvider;
import io.switchboard.recording.media.MediaCipher;
import io.switchboard.recording.media.MediaIntegrityException;
import io.switchboard.recording.media.RecordingStore;
import io.switchboard.recording.media.SealedMedia;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;
import java.util.UUID;
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
 * Transcripts sealed at rest and master-key rotation, against a real PostgreSQL (with the Flyway
 * migrations) and the filesystem store: what is written under the old key is moved to the new one,
 * stays readable throughout, and becomes readable without the old key once the job reports nothing
 * left.
 */
@SpringBootTest(classes = RecordingKeyRotationTest.Config.class)
class RecordingKeyRotationTest {

  static final EmbeddedPostgres POSTGRES = start();
  static final String K1 = "r1:" + key(1);
  static final String K2 = "r2:" + key(2);

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class Config {}

  @DynamicPropertySource
  static void datasource(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> POSTGRES.getJdbcUrl("postgres", "postgres"));
    registry.add("spring.datasource.username", () -> "postgres");
  }

  @Autowired JdbcClient jdbc;
  @TempDir Path dir;

  @Test
  void transcriptsAreStoredSealedAndReadBackAsText() {
    MediaCipher cipher = new MediaCipher(LocalKeyProvider.parse(K1, null));
    RecordingRepository recordings = new RecordingRepository(jdbc, cipher);
    String id = storedRecording(recordings, cipher, store(), bytes(10));

    recordings.saveTranscript(id, "twilio", "TR1", "my account number is 4242", Instant.now());

    var raw =
        jdbc.sql("SELECT text, sealed, key_id FROM transcripts WHERE recording_id = :id")
            .param("id", id)
            .query((rs, n) -> new Object[] {rs.getString(1), rs.getBytes(2), rs.getString(3)})
            .single();
    assertThat(raw[0]).as("no plain text column").isNull();
    assertThat(new String((byte[]) raw[1], StandardCharsets.ISO_8859_1)).doesNotContain("4242");
    assertThat(raw[2]).isEqualTo("r1");
    assertThat(recordings.transcripts(id))
        .singleElement()
        .satisfies(t -> assertThat(t.text()).isEqualTo("my account number is 4242"));
  }

  @Test
  void rotationRewrapsEverythingOnceAndThenTheOldKeyCanGo() throws Exception {
    jdbc.sql("DELETE FROM recordings").update();
    jdbc.sql("DELETE FROM messages").update();
    RecordingStore store = store();
    MediaCipher old = new MediaCipher(LocalKeyProvider.parse(K1, null));
    RecordingRepository before = new RecordingRepository(jdbc, old);
    byte[] audio = bytes(3 * 64 * 1024 + 5);
    String first = storedRecording(before, old, store, audio);
    String second = storedRecording(before, old, store, bytes(99));
    before.saveTranscript(first, "twilio", "TR1", "hello", Instant.now());
    String legacy = storedRecording(before, old, store, bytes(5));
    jdbc.sql(
            "INSERT INTO transcripts (recording_id, source, text, created_at)"
                + " VALUES (:id, 'fallback', 'written before sealing', now())")
        .param("id", legacy)
        .update();
    byte[] picture = bytes(70 * 1024);
    String mms = storedMessageMedium(old, store, picture);

    KeyProvider both = LocalKeyProvider.parse(K2 + "," + K1, "r2");
    MediaCipher rotated = new MediaCipher(both);
    RecordingRepository during = new RecordingRepository(jdbc, rotated);
    RecordingKeyRotation rotation =
        new RecordingKeyRotation(during, jdbc, rotated, both, store, Clock.systemUTC());

    RecordingKeyRotation.Result dry = rotation.run(100, true);
    assertThat(dry).isEqualTo(new RecordingKeyRotation.Result("r2", 3, 2, 1, 6));
    assertThat(keyIdOf(store, first)).as("a dry run changes nothing").isEqualTo("r1");

    RecordingKeyRotation.Result part = rotation.run(2, false);
    assertThat(part.remaining()).as("a partial run leaves the rest for the next").isEqualTo(1);
    assertThat(during.transcripts(first).get(0).text())
        .as("readable mid-rotation")
        .isEqualTo("hello");
    RecordingKeyRotation.Result rest = rotation.run(2, false);
    assertThat(rest.remaining()).isZero();
    assertThat(rotation.run(100, false))
        .as("a second run finds nothing")
        .isEqualTo(new RecordingKeyRotation.Result("r2", 0, 0, 0, 0));

    MediaCipher onlyNew = new MediaCipher(LocalKeyProvider.parse(K2, null));
    RecordingRepository after = new RecordingRepository(jdbc, onlyNew);
    assertThat(read(onlyNew, store, first)).isEqualTo(audio);
    assertThat(after.find(second).orElseThrow().keyId()).isEqualTo("r2");
    assertThat(after.transcripts(first).get(0).text()).isEqualTo("hello");
    assertThat(after.transcripts(legacy).get(0).text()).isEqualTo("written before sealing");
    SealedMedia sealedAfter = new SealedMedia(store, onlyNew);
    ByteArrayOutputStream served = new ByteArrayOutputStream();
    sealedAfter.stream(MessageMediaRow.ref(mms, 0), MessageMediaRow.context(mms, 0), served);
    assertThat(served.toByteArray()).as("message media moved too").isEqualTo(picture);
    assertThat(new MessageMediaRepository(jdbc).find(mms, 0).orElseThrow().keyId()).isEqualTo("r2");
    assertThat(
            jdbc.sql("SELECT count(*) FROM transcripts WHERE text IS NOT NULL")
                .query(Long.class)
                .single())
        .as("the plain legacy transcript was sealed")
        .isZero();
    assertThatThrownBy(() -> read(old, store, first))
        .as("the old key alone no longer opens it")
        .isInstanceOf(MediaIntegrityException.class);
  }

  /** An inbound MMS whose one medium is stored sealed, as the inbound workflow stores it. */
  private String storedMessageMedium(MediaCipher cipher, RecordingStore store, byte[] content)
      throws IOException {
    String sid = "MM" + UUID.randomUUID().toString().replace("-", "");
    jdbc.sql(
            "INSERT INTO messages (id, direction, message_sid, channel, from_address, to_address,"
                + " num_media, status, status_rank, created_at, updated_at)"
                + " VALUES (:id, 'inbound', :id, 'mms', '+14155550100', '+15005550006', 1,"
                + " 'received', 0, now(), now())")
        .param("id", sid)
        .update();
    MessageMediaRepository media = new MessageMediaRepository(jdbc);
    media.insertPending(sid, 0, "https://api.twilio.com/x", "image/png", Instant.now());
    MediaCipher.Sealed sealed =
        new SealedMedia(store, cipher)
            .store(
                MessageMediaRow.ref(sid, 0),
                MessageMediaRow.context(sid, 0),
                () -> new ByteArrayInputStream(content));
    media.saveStored(sid, 0, sealed.sizeBytes(), sealed.sha256(), sealed.keyId(), Instant.now());
    return sid;
  }

  private RecordingStore store() {
    return new FileSystemRecordingStore(dir);
  }

  private static String storedRecording(
      RecordingRepository recordings, MediaCipher cipher, RecordingStore store, byte[] audio) {
    String id = "RE" + UUID.randomUUID().toString().replace("-", "");
    MediaCipher.Sealed[] sealed = new MediaCipher.Sealed[1];
    try {
      store.put(
          id + ".sbr", out -> sealed[0] = cipher.encrypt(new ByteArrayInputStream(audio), out, id));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    recordings.saveStored(
        new RecordingRow(
            id,
            "CA1",
            "stored",
            1,
            sealed[0].sizeBytes(),
            sealed[0].sha256(),
            id + ".sbr",
            sealed[0].keyId(),
            "audio/wav",
            "pending",
            null,
            null,
            null),
        Instant.now());
    return id;
  }

  private static byte[] read(MediaCipher cipher, RecordingStore store, String id)
      throws IOException {
    try (InputStream in = cipher.decrypt(store.open(id + ".sbr"), id)) {
      return in.readAllBytes();
    }
  }

  private static String keyIdOf(RecordingStore store, String id) throws IOException {
    try (InputStream in = store.open(id + ".sbr")) {
      return MediaCipher.keyIdOf(in);
    }
  }

  static byte[] bytes(int size) {
    byte[] bytes = new byte[size];
    new Random(size).nextBytes(bytes);
    return bytes;
  }

  static String key(int seed) {
    byte[] key = new byte[32];
    Arrays.fill(key, (byte) seed);
    return Base64.getEncoder().encodeToString(key);
  }

  private static EmbeddedPostgres start() {
    try {
      return EmbeddedPostgres.start();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}

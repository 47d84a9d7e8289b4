package io.switchboard.recording;

import io.switchboard.recording.media.KeyProvider;
import io.switchboard.recording.media.MediaCipher;
import io.switchboard.recording.media.MediaIntegrityException;
import io.switchboard.recording.media.RecordingStore;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Moves stored recordings and transcripts to the current master key after a rotation: each data key
 * is unwrapped with its old master key and wrapped again with the current one; the sealed media is
 * copied as it is. Work is found by the {@code key_id} columns, one item at a time, so a run that
 * stops half-way is resumed by running it again, and a second run finds nothing to do. Old master
 * keys stay configured (and keep everything readable) until a dry run reports nothing left.
 */
public class RecordingKeyRotation {

  private final RecordingRepository recordings;
  private final JdbcClient jdbc;
  private final MediaCipher cipher;
  private final KeyProvider keys;
  private final RecordingStore store;
  private final Clock clock;

  public RecordingKeyRotation(
      RecordingRepository recordings,
      JdbcClient jdbc,
      MediaCipher cipher,
      KeyProvider keys,
      RecordingStore store,
      Clock clock) {
    this.recordings = recordings;
    this.jdbc = jdbc;
    this.cipher = cipher;
    this.keys = keys;
    this.store = store;
    this.clock = clock;
  }

  /**
   * What one run did or, on a dry run, would do.
   *
   * @param currentKeyId the master key everything is moved to
   * @param recordings recordings re-wrapped in this run
   * @param transcripts transcripts re-wrapped (or sealed, if they were plain) in this run
   * @param remaining items still under another key after this run
   */
  public record Result(String currentKeyId, int recordings, int transcripts, long remaining) {}

  /** Re-wraps up to {@code limit} recordings and as many transcripts. */
  public Result run(int limit, boolean dryRun) throws IOException {
    String current = keys.currentKeyId();
    List<RecordingRow> media = pendingRecordings(current, limit);
    List<Long> texts = pendingTranscripts(current, limit);
    if (dryRun) {
      return new Result(current, media.size(), texts.size(), remaining(current));
    }
    for (RecordingRow row : media) {
      try {
        rewrapMedia(row);
      } catch (MediaIntegrityException e) {
        throw new MediaIntegrityException("recording " + row.id() + ": " + e.getMessage(), e);
      }
    }
    for (long id : texts) {
      rewrapTranscript(id);
    }
    return new Result(current, media.size(), texts.size(), remaining(current));
  }

  /**
   * The re-wrapped copy goes to a staging object and is decrypted in full against the stored digest
   * before it replaces the original, so a fault leaves the original in place.
   */
  private void rewrapMedia(RecordingRow row) throws IOException {
    String staging = row.storageRef() + ".rewrap";
    String[] keyId = new String[1];
    store.put(
        staging,
        out -> {
          try (InputStream in = store.open(row.storageRef())) {
            keyId[0] = cipher.rewrap(in, out, row.id());
          }
        });
    try (InputStream in = store.open(staging)) {
      MediaCipher.Sealed copy = cipher.verify(in, row.id());
      if (!copy.sha256().equals(row.sha256())) {
        throw new MediaIntegrityException("re-wrapped copy of " + row.id() + " differs");
      }
    }
    store.put(
        row.storageRef(),
        out -> {
          try (InputStream in = store.open(staging)) {
            in.transferTo(out);
          }
        });
    store.delete(staging);
    int updated =
        jdbc.sql(
                """
                UPDATE recordings SET key_id = :keyId, updated_at = :at
                 WHERE id = :id AND status = 'stored'
                """)
            .param("id", row.id())
            .param("keyId", keyId[0])
            .param("at", Timestamp.from(clock.instant()))
            .update();
    if (updated == 0) {
      store.delete(row.storageRef()); // erased while we copied: the copy must not outlive it
    }
  }

  private void rewrapTranscript(long id) {
    jdbc.sql("SELECT recording_id, source, text, sealed FROM transcripts WHERE id = :id")
        .param("id", id)
        .query(
            rs -> {
              String context =
                  TranscriptTable.context(rs.getString("recording_id"), rs.getString("source"));
              byte[] sealed = rs.getBytes("sealed");
              byte[] next =
                  sealed == null
                      ? cipher.sealText(rs.getString("text"), context)
                      : cipher.rewrapText(sealed, context);
              jdbc.sql(
                      "UPDATE transcripts SET sealed = :sealed, key_id = :keyId, text = NULL"
                          + " WHERE id = :id")
                  .param("id", id)
                  .param("sealed", next)
                  .param("keyId", MediaCipher.keyIdOf(next))
                  .update();
            });
  }

  private List<RecordingRow> pendingRecordings(String current, int limit) {
    return jdbc
        .sql(
            """
            SELECT id FROM recordings WHERE status = 'stored' AND storage_ref IS NOT NULL
               AND key_id IS DISTINCT FROM :current ORDER BY id LIMIT :limit
            """)
        .param("current", current)
        .param("limit", limit)
        .query(String.class)
        .list()
        .stream()
        .flatMap(id -> recordings.find(id).stream())
        .toList();
  }

  private List<Long> pendingTranscripts(String current, int limit) {
    return jdbc.sql(
            "SELECT id FROM transcripts WHERE key_id IS DISTINCT FROM :current ORDER BY id"
                + " LIMIT :limit")
        .param("current", current)
        .param("limit", limit)
        .query(Long.class)
        .list();
  }

  private long remaining(String current) {
    return jdbc.sql(
            """
            SELECT (SELECT count(*) FROM recordings WHERE status = 'stored'
                      AND storage_ref IS NOT NULL AND key_id IS DISTINCT FROM :current)
                 + (SELECT count(*) FROM transcripts WHERE key_id IS DISTINCT FROM :current)
            """)
        .param("current", current)
        .query(Long.class)
        .single();
  }
}

package io.switchboard.recording;

import io.switchboard.messaging.MessageMediaRepository;
import io.switchboard.messaging.MessageMediaRow;
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
 * Moves stored recordings, transcripts and inbound message media to the current master key after a
 * rotation: each data key is unwrapped with its old master key and wrapped again with the current
 * one; the sealed media is copied as it is. Work is found by the {@code key_id} columns, one item
 * at a time, so a run that stops half-way is resumed by running it again, and a second run finds
 * nothing to do. Old master keys stay configured (and keep everything readable) until a dry run
 * reports nothing left.
 */
public class RecordingKeyRotation {

  private final RecordingRepository recordings;
  private final MessageMediaRepository mediaRows;
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
    this.mediaRows = new MessageMediaRepository(jdbc);
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
   * @param messageMedia inbound message media re-wrapped in this run
   * @param remaining items still under another key after this run
   */
  public record Result(
      String currentKeyId, int recordings, int transcripts, int messageMedia, long remaining) {}

  /** Re-wraps up to {@code limit} recordings, as many transcripts and as many message media. */
  public Result run(int limit, boolean dryRun) throws IOException {
    String current = keys.currentKeyId();
    List<RecordingRow> media = pendingRecordings(current, limit);
    List<Long> texts = pendingTranscripts(current, limit);
    List<MessageMediaRow> messageMedia = pendingMessageMedia(current, limit);
    if (dryRun) {
      return new Result(
          current, media.size(), texts.size(), messageMedia.size(), remaining(current));
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
    for (MessageMediaRow row : messageMedia) {
      rewrapMessageMedia(row);
    }
    return new Result(current, media.size(), texts.size(), messageMedia.size(), remaining(current));
  }

  /** Re-wraps a recording's media; one erased meanwhile loses the copy too. */
  private void rewrapMedia(RecordingRow row) throws IOException {
    String keyId = rewrapSealed(row.storageRef(), row.id(), row.sha256());
    int updated =
        jdbc.sql(
                """
                UPDATE recordings SET key_id = :keyId, updated_at = :at
                 WHERE id = :id AND status = 'stored'
                """)
            .param("id", row.id())
            .param("keyId", keyId)
            .param("at", Timestamp.from(clock.instant()))
            .update();
    if (updated == 0) {
      store.delete(row.storageRef()); // erased while we copied: the copy must not outlive it
    }
  }

  /** As {@link #rewrapMedia}, for a medium of an inbound message. */
  private void rewrapMessageMedia(MessageMediaRow row) throws IOException {
    String context = MessageMediaRow.context(row.messageId(), row.index());
    String keyId;
    try {
      keyId = rewrapSealed(row.storageRef(), context, row.sha256());
    } catch (MediaIntegrityException e) {
      throw new MediaIntegrityException("message media " + context + ": " + e.getMessage(), e);
    }
    int updated =
        jdbc.sql(
                """
                UPDATE message_media SET key_id = :keyId, updated_at = :at
                 WHERE message_id = :id AND media_index = :index AND state = 'stored'
                """)
            .param("keyId", keyId)
            .param("at", Timestamp.from(clock.instant()))
            .param("id", row.messageId())
            .param("index", row.index())
            .update();
    if (updated == 0) {
      store.delete(row.storageRef()); // erased while we copied: the copy must not outlive it
    }
  }

  /**
   * The re-wrapped copy goes to a staging object and is decrypted in full against the stored digest
   * before it replaces the original, so a fault leaves the original in place.
   *
   * @return the master key the copy is under
   */
  private String rewrapSealed(String ref, String context, String sha256) throws IOException {
    String staging = ref + ".rewrap";
    String[] keyId = new String[1];
    store.put(
        staging,
        out -> {
          try (InputStream in = store.open(ref)) {
            keyId[0] = cipher.rewrap(in, out, context);
          }
        });
    try (InputStream in = store.open(staging)) {
      MediaCipher.Sealed copy = cipher.verify(in, context);
      if (!copy.sha256().equals(sha256)) {
        throw new MediaIntegrityException("re-wrapped copy of " + context + " differs");
      }
    }
    store.put(
        ref,
        out -> {
          try (InputStream in = store.open(staging)) {
            in.transferTo(out);
          }
        });
    store.delete(staging);
    return keyId[0];
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

  private List<MessageMediaRow> pendingMessageMedia(String current, int limit) {
    return jdbc
        .sql(
            """
            SELECT message_id, media_index FROM message_media
             WHERE state = 'stored' AND storage_ref IS NOT NULL
               AND key_id IS DISTINCT FROM :current ORDER BY message_id, media_index LIMIT :limit
            """)
        .param("current", current)
        .param("limit", limit)
        .query((rs, n) -> mediaRows.find(rs.getString(1), rs.getInt(2)))
        .list()
        .stream()
        .flatMap(java.util.Optional::stream)
        .toList();
  }

  private long remaining(String current) {
    return jdbc.sql(
            """
            SELECT (SELECT count(*) FROM recordings WHERE status = 'stored'
                      AND storage_ref IS NOT NULL AND key_id IS DISTINCT FROM :current)
                 + (SELECT count(*) FROM transcripts WHERE key_id IS DISTINCT FROM :current)
                 + (SELECT count(*) FROM message_media WHERE state = 'stored'
                      AND storage_ref IS NOT NULL AND key_id IS DISTINCT FROM :current)
            """)
        .param("current", current)
        .query(Long.class)
        .single();
  }
}

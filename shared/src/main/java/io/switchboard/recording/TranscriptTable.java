package io.switchboard.recording;

import io.switchboard.recording.media.MediaCipher;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code transcripts} table, sealed at rest: a transcript is written only as ciphertext in the
 * media's envelope, bound to its recording and source, and opened as it is read. Rows from before
 * sealing (plain {@code text}, no {@code sealed}) are read as they are until the re-wrap job seals
 * them.
 */
final class TranscriptTable {

  private final JdbcClient jdbc;
  private final MediaCipher cipher;

  TranscriptTable(JdbcClient jdbc, MediaCipher cipher) {
    this.jdbc = jdbc;
    this.cipher = cipher;
  }

  /** What a transcript's envelope is bound to, so that it cannot be moved to another row. */
  static String context(String recordingId, String source) {
    return recordingId + "/transcript/" + source;
  }

  void save(String recordingId, String source, String transcriptionSid, String text, Instant at) {
    byte[] sealed = cipher.sealText(text, context(recordingId, source));
    jdbc.sql(
            """
            INSERT INTO transcripts (recording_id, source, transcription_sid, sealed, key_id,
              created_at)
            SELECT id, :source, :sid, :sealed, :keyId, :at FROM recordings
             WHERE id = :id AND status = 'stored'
            ON CONFLICT (recording_id, source) DO NOTHING
            """)
        .param("id", recordingId)
        .param("source", source)
        .param("sid", transcriptionSid)
        .param("sealed", sealed)
        .param("keyId", MediaCipher.keyIdOf(sealed))
        .param("at", Timestamp.from(at))
        .update();
  }

  List<TranscriptRow> list(String recordingId) {
    return jdbc.sql(
            """
            SELECT source, transcription_sid, text, sealed, created_at FROM transcripts
             WHERE recording_id = :id ORDER BY created_at, id
            """)
        .param("id", recordingId)
        .query(
            (rs, n) -> {
              byte[] sealed = rs.getBytes("sealed");
              String source = rs.getString("source");
              return new TranscriptRow(
                  source,
                  rs.getString("transcription_sid"),
                  sealed == null
                      ? rs.getString("text")
                      : cipher.openText(sealed, context(recordingId, source)),
                  rs.getTimestamp("created_at").toInstant());
            })
        .list();
  }
}

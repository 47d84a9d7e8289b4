package io.switchboard.recording;

import io.switchboard.recording.media.MediaCipher;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Recordings, transcripts, consent and the access trail in PostgreSQL. Every write is an upsert or
 * a conditional update, so that a retried activity changes nothing the second time.
 */
public class RecordingRepository {

  private final JdbcClient jdbc;
  private final TranscriptTable transcripts;

  /**
   * @param cipher seals transcripts at rest, as the media is
   */
  public RecordingRepository(JdbcClient jdbc, MediaCipher cipher) {
    this.jdbc = jdbc;
    this.transcripts = new TranscriptTable(jdbc, cipher);
  }

  public void setConsent(String callSid, boolean recording, String source, Instant at) {
    jdbc.sql(
            """
            INSERT INTO call_consents (call_sid, recording, source, recorded_at)
            VALUES (:callSid, :recording, :source, :at)
            ON CONFLICT (call_sid) DO UPDATE
              SET recording = :recording, source = :source, recorded_at = :at
            """)
        .param("callSid", callSid)
        .param("recording", recording)
        .param("source", source)
        .param("at", Timestamp.from(at))
        .update();
  }

  public boolean hasConsent(String callSid) {
    return jdbc.sql("SELECT recording FROM call_consents WHERE call_sid = :callSid")
        .param("callSid", callSid)
        .query(Boolean.class)
        .optional()
        .orElse(false);
  }

  /** Records a stored copy; a second store of the same recording (a retry) replaces the first. */
  public void saveStored(RecordingRow row, Instant at) {
    jdbc.sql(
            """
            INSERT INTO recordings (id, call_sid, status, duration_seconds, size_bytes, sha256,
              storage_ref, key_id, content_type, transcript_status, created_at, updated_at)
            VALUES (:id, :callSid, 'stored', :duration, :size, :sha256, :ref, :keyId,
              :contentType, 'pending', :at, :at)
            ON CONFLICT (id) DO UPDATE SET size_bytes = :size, sha256 = :sha256,
              storage_ref = :ref, key_id = :keyId, updated_at = :at
              WHERE recordings.status = 'stored'
            """)
        .param("id", row.id())
        .param("callSid", row.callSid())
        .param("duration", row.durationSeconds())
        .param("size", row.sizeBytes())
        .param("sha256", row.sha256())
        .param("ref", row.storageRef())
        .param("keyId", row.keyId())
        .param("contentType", row.contentType())
        .param("at", Timestamp.from(at))
        .update();
  }

  public Optional<RecordingRow> find(String id) {
    return jdbc.sql("SELECT * FROM recordings WHERE id = :id")
        .param("id", id)
        .query(RecordingRepository::row)
        .optional();
  }

  public List<RecordingRow> findByCall(String callSid) {
    return jdbc.sql("SELECT * FROM recordings WHERE call_sid = :callSid ORDER BY created_at, id")
        .param("callSid", callSid)
        .query(RecordingRepository::row)
        .list();
  }

  /**
   * Stores a transcript once per source, sealed, unless the recording was erased meanwhile. The
   * text is never written in plain.
   */
  public void saveTranscript(
      String recordingId, String source, String transcriptionSid, String text, Instant at) {
    transcripts.save(recordingId, source, transcriptionSid, text, at);
    setTranscriptStatus(recordingId, source, at);
  }

  public void setTranscriptStatus(String recordingId, String status, Instant at) {
    jdbc.sql(
            """
            UPDATE recordings SET transcript_status = :status, updated_at = :at
             WHERE id = :id AND status = 'stored'
            """)
        .param("id", recordingId)
        .param("status", status)
        .param("at", Timestamp.from(at))
        .update();
  }

  /** A recording's transcripts, opened. */
  public List<TranscriptRow> transcripts(String recordingId) {
    return transcripts.list(recordingId);
  }

  public void markTwilioDeleted(String id, Instant at) {
    jdbc.sql(
            """
            UPDATE recordings SET twilio_deleted_at = COALESCE(twilio_deleted_at, :at),
              updated_at = :at WHERE id = :id
            """)
        .param("id", id)
        .param("at", Timestamp.from(at))
        .update();
  }

  /** The right to erasure: transcripts gone, the row kept as a tombstone without media. */
  public void erase(String id, Instant at) {
    jdbc.sql("DELETE FROM transcripts WHERE recording_id = :id").param("id", id).update();
    jdbc.sql(
            """
            UPDATE recordings SET status = 'erased', storage_ref = NULL, sha256 = NULL,
              transcript_status = 'erased', erased_at = COALESCE(erased_at, :at), updated_at = :at
             WHERE id = :id
            """)
        .param("id", id)
        .param("at", Timestamp.from(at))
        .update();
  }

  public void audit(String recordingId, String action, String principal, Instant at) {
    jdbc.sql(
            """
            INSERT INTO recording_access_audit (recording_id, action, principal, occurred_at)
            VALUES (:id, :action, :principal, :at)
            """)
        .param("id", recordingId)
        .param("action", action)
        .param("principal", principal)
        .param("at", Timestamp.from(at))
        .update();
  }

  public int auditCount(String recordingId, String action) {
    return jdbc.sql(
            "SELECT count(*) FROM recording_access_audit WHERE recording_id = :id AND action = :a")
        .param("id", recordingId)
        .param("a", action)
        .query(Integer.class)
        .single();
  }

  private static RecordingRow row(ResultSet rs, int n) throws SQLException {
    return new RecordingRow(
        rs.getString("id"),
        rs.getString("call_sid"),
        rs.getString("status"),
        (Integer) rs.getObject("duration_seconds"),
        (Long) rs.getObject("size_bytes"),
        rs.getString("sha256"),
        rs.getString("storage_ref"),
        rs.getString("key_id"),
        rs.getString("content_type"),
        rs.getString("transcript_status"),
        instant(rs, "twilio_deleted_at"),
        instant(rs, "created_at"),
        instant(rs, "erased_at"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp value = rs.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }
}

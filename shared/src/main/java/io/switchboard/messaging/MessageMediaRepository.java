package io.switchboard.messaging;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Inbound messages' media in PostgreSQL. Every write is an upsert or a conditional update, so that
 * a redelivered webhook or a retried activity changes nothing the second time, and a medium once
 * stored never goes back to pending.
 */
public class MessageMediaRepository {

  private static final int MAX_REASON = 500;

  private final JdbcClient jdbc;

  public MessageMediaRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Records a medium the webhook names, unless it is recorded already. */
  public void insertPending(
      String messageId, int index, String sourceUrl, String contentType, Instant at) {
    jdbc.sql(
            """
            INSERT INTO message_media (message_id, media_index, source_url, content_type, state,
              created_at, updated_at)
            VALUES (:id, :index, :url, :type, 'pending', :at, :at)
            ON CONFLICT (message_id, media_index) DO NOTHING
            """)
        .param("id", messageId)
        .param("index", index)
        .param("url", sourceUrl)
        .param("type", contentType)
        .param("at", Timestamp.from(at))
        .update();
  }

  /**
   * Records the stored copy; a retry that stored it again replaces the first. Returns false when
   * the medium was erased meanwhile: the copy just stored must go too.
   */
  public boolean saveStored(
      String messageId, int index, long sizeBytes, String sha256, String keyId, Instant at) {
    return jdbc.sql(
                """
            UPDATE message_media SET state = 'stored', reason = NULL, size_bytes = :size,
              sha256 = :sha256, storage_ref = :ref, key_id = :keyId, updated_at = :at
            WHERE message_id = :id AND media_index = :index AND state <> 'erased'
            """)
            .param("size", sizeBytes)
            .param("sha256", sha256)
            .param("ref", MessageMediaRow.ref(messageId, index))
            .param("keyId", keyId)
            .param("at", Timestamp.from(at))
            .param("id", messageId)
            .param("index", index)
            .update()
        == 1;
  }

  /**
   * Marks a stored medium erased (its sealed copy deleted by the caller) and audits who asked.
   * Returns false when it was not stored (never, or erased already).
   */
  public boolean erase(String messageId, int index, String principal, Instant at) {
    // One statement, so that no medium is erased without its audit row.
    return jdbc.sql(
                """
            WITH erased AS (
              UPDATE message_media SET state = 'erased', reason = 'erased; see the access audit',
                storage_ref = NULL, key_id = NULL, updated_at = :at
              WHERE message_id = :id AND media_index = :index AND state = 'stored'
              RETURNING message_id, media_index)
            INSERT INTO message_media_access_audit (message_id, media_index, principal, action,
              occurred_at)
            SELECT message_id, media_index, :principal, 'erase', :at FROM erased
            """)
            .param("at", Timestamp.from(at))
            .param("id", messageId)
            .param("index", index)
            .param("principal", principal)
            .update()
        == 1;
  }

  /** Records a refusal or a failure; a medium already stored (or erased) stays so. */
  public void settleUnstored(String messageId, int index, String state, String reason, Instant at) {
    jdbc.sql(
            """
            UPDATE message_media SET state = :state, reason = :reason, updated_at = :at
            WHERE message_id = :id AND media_index = :index AND state NOT IN ('stored', 'erased')
            """)
        .param("state", state)
        .param("reason", truncate(reason))
        .param("at", Timestamp.from(at))
        .param("id", messageId)
        .param("index", index)
        .update();
  }

  public void markTwilioDeleted(String messageId, int index, Instant at) {
    jdbc.sql(
            """
            UPDATE message_media SET twilio_deleted_at = COALESCE(twilio_deleted_at, :at)
            WHERE message_id = :id AND media_index = :index
            """)
        .param("at", Timestamp.from(at))
        .param("id", messageId)
        .param("index", index)
        .update();
  }

  /** Records that a medium was served decrypted, and to whom. */
  public void audit(String messageId, int index, String principal, Instant at) {
    audit(messageId, index, principal, "read", at);
  }

  private void audit(String messageId, int index, String principal, String action, Instant at) {
    jdbc.sql(
            """
            INSERT INTO message_media_access_audit (message_id, media_index, principal,
              action, occurred_at)
            VALUES (:id, :index, :principal, :action, :at)
            """)
        .param("id", messageId)
        .param("index", index)
        .param("principal", principal)
        .param("action", action)
        .param("at", Timestamp.from(at))
        .update();
  }

  /** How many times a medium was served decrypted. */
  public int auditCount(String messageId, int index) {
    return auditCount(messageId, index, "read");
  }

  /** How many audit rows of one action ({@code read}, {@code erase}) a medium has. */
  public int auditCount(String messageId, int index, String action) {
    return jdbc.sql(
            "SELECT count(*) FROM message_media_access_audit"
                + " WHERE message_id = :id AND media_index = :index AND action = :action")
        .param("id", messageId)
        .param("index", index)
        .param("action", action)
        .query(Integer.class)
        .single();
  }

  public Optional<MessageMediaRow> find(String messageId, int index) {
    return jdbc.sql("SELECT * FROM message_media WHERE message_id = :id AND media_index = :index")
        .param("id", messageId)
        .param("index", index)
        .query(MessageMediaRepository::row)
        .optional();
  }

  /** Messages with a medium still stored that arrived before {@code before}, oldest first. */
  public List<String> withMediaStoredBefore(Instant before, int limit) {
    return jdbc.sql(
            """
            SELECT message_id FROM message_media WHERE state = 'stored' AND created_at < :before
            GROUP BY message_id ORDER BY min(created_at), message_id LIMIT :limit
            """)
        .param("before", Timestamp.from(before))
        .param("limit", limit)
        .query(String.class)
        .list();
  }

  /** A message's media in webhook order. */
  public List<MessageMediaRow> ofMessage(String messageId) {
    return jdbc.sql("SELECT * FROM message_media WHERE message_id = :id ORDER BY media_index")
        .param("id", messageId)
        .query(MessageMediaRepository::row)
        .list();
  }

  private static MessageMediaRow row(ResultSet rs, int n) throws SQLException {
    return new MessageMediaRow(
        rs.getString("message_id"),
        rs.getInt("media_index"),
        rs.getString("source_url"),
        rs.getString("content_type"),
        rs.getString("state"),
        rs.getString("reason"),
        (Long) rs.getObject("size_bytes"),
        rs.getString("sha256"),
        rs.getString("storage_ref"),
        rs.getString("key_id"),
        instant(rs, "twilio_deleted_at"),
        instant(rs, "created_at"),
        instant(rs, "updated_at"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp value = rs.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }

  private static String truncate(String reason) {
    return reason == null || reason.length() <= MAX_REASON
        ? reason
        : reason.substring(0, MAX_REASON);
  }
}

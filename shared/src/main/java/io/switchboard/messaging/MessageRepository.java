package io.switchboard.messaging;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

/** Messages. Writes are idempotent so that a retried activity or request changes nothing. */
public interface MessageRepository extends ListCrudRepository<MessageRecord, String> {

  /** Records an outbound message as accepted unless it is there; tells whether it was new. */
  @Modifying
  @Query(
      """
      INSERT INTO messages (id, direction, channel, from_address, to_address, num_media, encoding,
                            segments, status, status_rank, request_hash, send_at, created_at,
                            updated_at)
      VALUES (:id, 'outbound', :channel, :from, :to, :numMedia, :encoding, :segments, 'accepted',
              0, :hash, :sendAt, :at, :at)
      ON CONFLICT (id) DO NOTHING
      """)
  boolean insertAccepted(
      @Param("id") String id,
      @Param("channel") String channel,
      @Param("from") String from,
      @Param("to") String to,
      @Param("numMedia") int numMedia,
      @Param("encoding") String encoding,
      @Param("segments") Integer segments,
      @Param("hash") String requestHash,
      @Param("sendAt") Instant sendAt,
      @Param("at") Instant at);

  /**
   * Moves the message to a status only forward (by rank) within one workflow run, so that writes
   * arriving out of order cannot undo a later status; the MessageSid is kept once known. A write
   * from a newer run than the one that made the message final (an operator's reset or retry of a
   * failed delivery: a new attempt) moves it whatever the rank and clears the old error. A write
   * from a run that was superseded (older than the message's last change from another run) does not
   * move it. A negative rank never moves it: history only.
   */
  @Modifying
  @Query(
      """
      UPDATE messages
         SET message_sid = COALESCE(message_sid, :sid),
             status = CASE WHEN :rank >= 0 AND (
                                 (status_rank >= :finalRank AND run_id IS DISTINCT FROM :run
                                  AND :at > updated_at)
                              OR (status_rank < :rank AND NOT (run_id IS NOT NULL
                                  AND run_id <> :run AND :at < updated_at)))
                           THEN :status ELSE status END,
             error_code = CASE WHEN :rank >= 0 AND status_rank >= :finalRank
                                    AND run_id IS DISTINCT FROM :run AND :at > updated_at
                                 THEN :code
                               WHEN status_rank < :rank AND NOT (run_id IS NOT NULL
                                    AND run_id <> :run AND :at < updated_at)
                                 THEN COALESCE(:code, error_code)
                               ELSE error_code END,
             error_message = CASE WHEN :rank >= 0 AND status_rank >= :finalRank
                                       AND run_id IS DISTINCT FROM :run AND :at > updated_at
                                    THEN :reason
                                  WHEN status_rank < :rank AND NOT (run_id IS NOT NULL
                                       AND run_id <> :run AND :at < updated_at)
                                    THEN COALESCE(:reason, error_message)
                                  ELSE error_message END,
             status_rank = CASE WHEN :rank >= 0 AND status_rank >= :finalRank
                                     AND run_id IS DISTINCT FROM :run AND :at > updated_at
                                  THEN :rank
                                WHEN status_rank < :rank AND NOT (run_id IS NOT NULL
                                     AND run_id <> :run AND :at < updated_at)
                                  THEN :rank
                                ELSE status_rank END,
             run_id = CASE WHEN :rank >= 0 AND (run_id IS NULL OR :at > updated_at) THEN :run
                           ELSE run_id END,
             updated_at = GREATEST(updated_at, :at)
       WHERE id = :id
      """)
  void advance(
      @Param("id") String id,
      @Param("sid") String messageSid,
      @Param("status") String status,
      @Param("rank") int rank,
      @Param("finalRank") int finalRank,
      @Param("code") Integer errorCode,
      @Param("reason") String errorMessage,
      @Param("run") String runId,
      @Param("at") Instant at);

  /** The workflow run that last moved the message, or null before any did. */
  @Query("SELECT run_id FROM messages WHERE id = :id")
  String runIdOf(@Param("id") String id);

  /** Records an inbound message once, whatever Twilio's retries; tells whether it was new. */
  @Modifying
  @Query(
      """
      INSERT INTO messages (id, direction, message_sid, channel, from_address, to_address, body,
                            num_media, status, status_rank, created_at, updated_at)
      VALUES (:sid, 'inbound', :sid, :channel, :from, :to, :body, :numMedia, 'received', 0, :at,
              :at)
      ON CONFLICT (id) DO NOTHING
      """)
  boolean insertInbound(
      @Param("sid") String messageSid,
      @Param("channel") String channel,
      @Param("from") String from,
      @Param("to") String to,
      @Param("body") String body,
      @Param("numMedia") int numMedia,
      @Param("at") Instant at);

  /** Written out: a query derived from the method's name renders its SQL on every call. */
  @Query("SELECT * FROM messages WHERE message_sid = :messageSid")
  Optional<MessageRecord> findByMessageSid(@Param("messageSid") String messageSid);

  /** When {@code from} last wrote to {@code to}, or null: WhatsApp's session window opens then. */
  @Query(
      """
      SELECT MAX(created_at) FROM messages
       WHERE direction = 'inbound' AND from_address = :from AND to_address = :to
      """)
  Instant lastInboundAt(@Param("from") String from, @Param("to") String to);

  /** Newest first; each filter applies only when given. */
  @Query(
      """
      SELECT * FROM messages
       WHERE (CAST(:direction AS VARCHAR) IS NULL OR direction = :direction)
         AND (CAST(:status AS VARCHAR) IS NULL OR status = :status)
         AND (CAST(:channel AS VARCHAR) IS NULL OR channel = :channel)
         AND (CAST(:to AS VARCHAR) IS NULL OR to_address = :to)
         AND (CAST(:from AS VARCHAR) IS NULL OR from_address = :from)
         AND (CAST(:before AS TIMESTAMPTZ) IS NULL OR created_at < :before)
       ORDER BY created_at DESC, id
       LIMIT :limit
      """)
  List<MessageRecord> search(
      @Param("direction") String direction,
      @Param("status") String status,
      @Param("channel") String channel,
      @Param("to") String to,
      @Param("from") String from,
      @Param("before") Instant before,
      @Param("limit") int limit);

  /** Whether a MessageSid is already some other message's, so reconciliation cannot claim it. */
  @Query("SELECT EXISTS (SELECT 1 FROM messages WHERE message_sid = :sid AND id <> :id)")
  boolean sidTakenByAnother(@Param("sid") String messageSid, @Param("id") String id);

  /**
   * Clears the text of up to {@code limit} inbound messages that arrived before {@code before},
   * oldest first; returns how many. Rows another worker is clearing are skipped, not waited for.
   */
  @Modifying
  @Query(
      """
      UPDATE messages SET body = NULL, body_erased_at = :now
       WHERE id IN (SELECT id FROM messages
                     WHERE direction = 'inbound' AND body IS NOT NULL AND created_at < :before
                     ORDER BY created_at LIMIT :limit FOR UPDATE SKIP LOCKED)
      """)
  int eraseInboundBodies(
      @Param("before") Instant before, @Param("now") Instant now, @Param("limit") int limit);
}

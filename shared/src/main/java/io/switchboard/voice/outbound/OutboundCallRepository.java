package io.switchboard.voice.outbound;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

/** Outbound calls and their events. Writes are idempotent: activities and requests may repeat. */
public interface OutboundCallRepository extends ListCrudRepository<OutboundCallRecord, String> {

  /**
   * Records a call as accepted unless it is there. The api records it first, without the metadata,
   * which the workflow's own write then adds.
   */
  @Modifying
  @Query(
      """
      INSERT INTO outbound_calls (id, from_number, to_number, flow_name, status, metadata,
                                  request_hash, call_at, created_at, updated_at)
      VALUES (:id, :from, :to, :flow, 'accepted', :metadata, :hash, :callAt, :at, :at)
      ON CONFLICT (id) DO UPDATE SET metadata = COALESCE(outbound_calls.metadata, EXCLUDED.metadata)
      """)
  void insertAccepted(
      @Param("id") String id,
      @Param("from") String from,
      @Param("to") String to,
      @Param("flow") String flowName,
      @Param("metadata") String metadata,
      @Param("hash") String requestHash,
      @Param("callAt") Instant callAt,
      @Param("at") Instant at);

  /**
   * Moves the call to what the workflow last saw. Writes may arrive out of order (they run
   * concurrently), so an older write (by the workflow's sequence) never overwrites a newer one.
   * Answers 1 when this write moved the row, 0 for an older or repeated one.
   */
  @Modifying
  @Query(
      """
      UPDATE outbound_calls
         SET status = :status, attempt = :attempt,
             call_sid = COALESCE(:sid, call_sid),
             answered_by = COALESCE(:answeredBy, answered_by),
             error_code = COALESCE(:code, error_code),
             error_message = COALESCE(:reason, error_message),
             seq = :seq,
             updated_at = GREATEST(updated_at, :at)
       WHERE id = :id AND seq < :seq
      """)
  int advance(
      @Param("id") String id,
      @Param("seq") int sequence,
      @Param("attempt") int attempt,
      @Param("sid") String callSid,
      @Param("status") String status,
      @Param("answeredBy") String answeredBy,
      @Param("code") Integer errorCode,
      @Param("reason") String errorMessage,
      @Param("at") Instant at);

  @Modifying
  @Query(
      """
      INSERT INTO outbound_call_events (call_id, seq, attempt, call_sid, status, answered_by,
                                        error_code, occurred_at)
      VALUES (:id, :seq, :attempt, :sid, :status, :answeredBy, :code, :at)
      ON CONFLICT DO NOTHING
      """)
  /** Adds the event unless it is there; answers 1 when it was added, 0 for a repeated write. */
  int addEvent(
      @Param("id") String id,
      @Param("seq") int sequence,
      @Param("attempt") int attempt,
      @Param("sid") String callSid,
      @Param("status") String status,
      @Param("answeredBy") String answeredBy,
      @Param("code") Integer errorCode,
      @Param("at") Instant at);

  @Query("SELECT * FROM outbound_call_events WHERE call_id = :id ORDER BY seq")
  List<OutboundCallEventRecord> events(@Param("id") String id);

  /** Whether another outbound call (or another attempt of this one) already owns the CallSid. */
  @Query(
      """
      SELECT EXISTS (SELECT 1 FROM outbound_call_events
                      WHERE call_sid = :sid AND NOT (call_id = :id AND attempt = :attempt))
      """)
  boolean sidTakenByAnother(
      @Param("sid") String callSid, @Param("id") String id, @Param("attempt") int attempt);

  /** The newest calls, optionally of one status, newest first. */
  @Query(
      """
      SELECT * FROM outbound_calls
       WHERE (CAST(:status AS VARCHAR) IS NULL OR status = :status)
       ORDER BY created_at DESC LIMIT :limit
      """)
  List<OutboundCallRecord> newest(@Param("status") String status, @Param("limit") int limit);
}

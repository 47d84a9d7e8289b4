package io.switchboard.voice;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

/** Calls and their events. Writes are upserts so that a retried activity changes nothing. */
public interface CallRepository extends ListCrudRepository<CallRecord, String> {

  @Modifying
  @Query(
      """
      INSERT INTO calls (call_sid, account_sid, from_number, to_number, direction, status,
                         started_at, updated_at, ended_at)
      VALUES (:callSid, :accountSid, :from, :to, :direction, :status, :at, :at,
              CASE WHEN :final THEN CAST(:at AS TIMESTAMPTZ) END)
      ON CONFLICT (call_sid) DO UPDATE
         SET status = EXCLUDED.status,
             updated_at = EXCLUDED.updated_at,
             ended_at = COALESCE(calls.ended_at, EXCLUDED.ended_at)
       WHERE calls.updated_at <= EXCLUDED.updated_at
      """)
  void upsert(
      @Param("callSid") String callSid,
      @Param("accountSid") String accountSid,
      @Param("from") String from,
      @Param("to") String to,
      @Param("direction") String direction,
      @Param("status") String status,
      @Param("at") Instant at,
      @Param("final") boolean isFinal);

  /** Calls newest first, filtered; a null filter matches everything. */
  @Query(
      """
      SELECT * FROM calls
       WHERE (CAST(:direction AS VARCHAR) IS NULL OR direction = :direction)
         AND (CAST(:status AS VARCHAR) IS NULL OR status = :status)
         AND (CAST(:before AS TIMESTAMPTZ) IS NULL OR started_at < :before)
       ORDER BY started_at DESC LIMIT :limit
      """)
  List<CallRecord> search(
      @Param("direction") String direction,
      @Param("status") String status,
      @Param("before") Instant before,
      @Param("limit") int limit);
}

package io.switchboard.voice;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/** The status history of calls. */
public interface CallEventRepository extends Repository<CallEventRecord, Long> {

  /** Adds an event unless the same one is there already, so that retries add nothing. */
  @Modifying
  @Query(
      """
      INSERT INTO call_events (call_sid, status, occurred_at) VALUES (:callSid, :status, :at)
      ON CONFLICT DO NOTHING
      """)
  void add(
      @Param("callSid") String callSid, @Param("status") String status, @Param("at") Instant at);

  /** Adds an event that is not a status (a transfer), with what it concerned; idempotent too. */
  @Modifying
  @Query(
      """
      INSERT INTO call_events (call_sid, status, occurred_at, detail)
      VALUES (:callSid, :event, :at, :detail)
      ON CONFLICT DO NOTHING
      """)
  void addDetailed(
      @Param("callSid") String callSid,
      @Param("event") String event,
      @Param("at") Instant at,
      @Param("detail") String detail);

  /** Written out: a query derived from the method's name renders its SQL on every call. */
  @Query(
      """
      SELECT id, call_sid, status, occurred_at, detail
        FROM call_events WHERE call_sid = :callSid ORDER BY occurred_at, id
      """)
  List<CallEventRecord> findByCallSidOrderByOccurredAtAscIdAsc(@Param("callSid") String callSid);
}

package io.switchboard.messaging;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/** The status history of messages. */
public interface MessageEventRepository extends Repository<MessageEventRecord, Long> {

  /** Adds an event unless the message has that status recorded already. */
  @Modifying
  @Query(
      """
      INSERT INTO message_events (message_id, status, status_rank, error_code, source, applied,
                                  occurred_at)
      VALUES (:id, :status, :rank, :code, :source, :applied, :at)
      ON CONFLICT (message_id, status) DO NOTHING
      """)
  void add(
      @Param("id") String messageId,
      @Param("status") String status,
      @Param("rank") int rank,
      @Param("code") Integer errorCode,
      @Param("source") String source,
      @Param("applied") boolean applied,
      @Param("at") Instant at);

  /**
   * In lifecycle order, so that late callbacks still read as the message's story. Written out
   * rather than derived from the name: a derived query renders its SQL on every call, which was
   * half the CPU of a send's 202 (the answer shows the message's events).
   */
  @Query(
      """
      SELECT id, message_id, status, status_rank, error_code, source, applied, occurred_at
        FROM message_events WHERE message_id = :messageId ORDER BY status_rank, occurred_at
      """)
  List<MessageEventRecord> findByMessageIdOrderByStatusRankAscOccurredAtAsc(
      @Param("messageId") String messageId);
}

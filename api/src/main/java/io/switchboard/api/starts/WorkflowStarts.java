package io.switchboard.api.starts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The starts the API owes, in PostgreSQL ({@code workflow_starts}). A request is answered only
 * after its row and its start commit together, so an accepted request is in Temporal or here.
 */
@Component
public class WorkflowStarts {

  private static final int MAX_ERROR_LENGTH = 1000;

  private final JdbcClient jdbc;
  private final Clock clock;

  public WorkflowStarts(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Records a start unless one for the workflow is pending already; call it in the transaction that
   * records the request.
   *
   * @param holdFor how long the relay leaves it to the request's own hand-off
   * @return whether this call recorded it
   */
  public boolean add(PendingStart start, Duration holdFor) {
    return jdbc.sql(
                """
                INSERT INTO workflow_starts (workflow_id, kind, input, accepted_at,
                    next_attempt_at)
                VALUES (:id, :kind, :input, :accepted, :next)
                ON CONFLICT (workflow_id) DO NOTHING
                """)
            .param("id", start.workflowId())
            .param("kind", start.kind().name())
            .param("input", start.input())
            .param("accepted", at(start.acceptedAt()))
            .param("next", at(clock.instant().plus(holdFor)))
            .update()
        == 1;
  }

  public Optional<PendingStart> find(String workflowId) {
    return jdbc.sql("SELECT * FROM workflow_starts WHERE workflow_id = :id")
        .param("id", workflowId)
        .query(WorkflowStarts::map)
        .optional();
  }

  /** Temporal has the workflow: the start is owed no more. */
  public void done(String workflowId) {
    jdbc.sql("DELETE FROM workflow_starts WHERE workflow_id = :id")
        .param("id", workflowId)
        .update();
  }

  public void retryLater(String workflowId, String error, Instant next) {
    jdbc.sql(
            """
            UPDATE workflow_starts SET attempts = attempts + 1, last_error = :error,
                next_attempt_at = :next
            WHERE workflow_id = :id
            """)
        .param("error", truncate(error))
        .param("next", at(next))
        .param("id", workflowId)
        .update();
  }

  /**
   * Claims starts that are due, oldest first, leased so that other api instances leave them alone
   * meanwhile.
   */
  public List<PendingStart> claimDue(int limit, Duration lease) {
    return jdbc
        .sql(
            """
            UPDATE workflow_starts SET next_attempt_at = :leaseEnd
            WHERE workflow_id IN (
                SELECT workflow_id FROM workflow_starts
                WHERE next_attempt_at <= :now
                ORDER BY accepted_at
                LIMIT :limit
                FOR UPDATE SKIP LOCKED)
            RETURNING *
            """)
        .param("leaseEnd", at(clock.instant().plus(lease)))
        .param("now", at(clock.instant()))
        .param("limit", limit)
        .query(WorkflowStarts::map)
        .list()
        .stream()
        .sorted(java.util.Comparator.comparing(PendingStart::acceptedAt))
        .toList();
  }

  /**
   * A start still owed, as ops see it: never its input, which holds numbers and bodies.
   *
   * @param workflowId the workflow to start
   * @param kind what it is for
   * @param acceptedAt when the request was accepted
   * @param attempts starts tried and failed
   * @param nextAttemptAt when the relay may try next (the end of the pool's hold, a lease, or a
   *     backoff)
   * @param lastError why the last attempt failed, if one did
   */
  public record Owed(
      String workflowId,
      StartKind kind,
      Instant acceptedAt,
      int attempts,
      Instant nextAttemptAt,
      String lastError) {}

  /** The oldest starts still owed, oldest first. */
  public List<Owed> owed(int limit) {
    return jdbc.sql(
            """
            SELECT workflow_id, kind, accepted_at, attempts, next_attempt_at, last_error
            FROM workflow_starts ORDER BY accepted_at, workflow_id LIMIT :limit
            """)
        .param("limit", limit)
        .query(
            (rs, row) ->
                new Owed(
                    rs.getString("workflow_id"),
                    StartKind.valueOf(rs.getString("kind")),
                    rs.getObject("accepted_at", OffsetDateTime.class).toInstant(),
                    rs.getInt("attempts"),
                    rs.getObject("next_attempt_at", OffsetDateTime.class).toInstant(),
                    rs.getString("last_error")))
        .list();
  }

  public long backlog() {
    return jdbc.sql("SELECT count(*) FROM workflow_starts").query(Long.class).single();
  }

  private static PendingStart map(ResultSet rs, int row) throws SQLException {
    return new PendingStart(
        rs.getString("workflow_id"),
        StartKind.valueOf(rs.getString("kind")),
        rs.getBytes("input"),
        rs.getObject("accepted_at", OffsetDateTime.class).toInstant(),
        rs.getInt("attempts"));
  }

  private static OffsetDateTime at(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private static String truncate(String error) {
    return error == null || error.length() <= MAX_ERROR_LENGTH
        ? error
        : error.substring(0, MAX_ERROR_LENGTH);
  }
}

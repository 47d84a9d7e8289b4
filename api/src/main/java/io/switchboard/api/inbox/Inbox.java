package io.switchboard.api.inbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The durable inbox in PostgreSQL. A webhook is answered only after {@link #record} commits, so
 * that whatever else is down, an acknowledged webhook is here or in its workflow.
 */
@Component
public class Inbox {

  private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {};
  private static final int MAX_ERROR_LENGTH = 1000;

  private final JdbcClient jdbc;
  private final JsonMapper json;
  private final Clock clock;

  public Inbox(JdbcClient jdbc, JsonMapper json, Clock clock) {
    this.jdbc = jdbc;
    this.json = json;
    this.clock = clock;
  }

  /**
   * Commits the webhook, or does nothing if one with the same dedupe key is already here.
   *
   * @param holdFor how long the relay leaves it alone, so that the request thread can hand it on
   *     first
   * @return its id, or empty for a redelivery
   */
  public Optional<Long> record(NewWebhookEvent event, Duration holdFor) {
    Map<String, String> params = event.params();
    return jdbc.sql(
            """
            INSERT INTO webhook_events (received_at, kind, path, dedupe_key, account_sid, call_sid,
                message_sid, recording_sid, workflow_id, params, headers, dispatch_state,
                next_attempt_at)
            VALUES (:now, :kind, :path, :key, :account, :call, :message, :recording, :workflow,
                CAST(:params AS JSONB), CAST(:headers AS JSONB), :state, :next)
            ON CONFLICT (dedupe_key) DO NOTHING
            RETURNING id
            """)
        .param("now", at(clock.instant()))
        .param("kind", event.kind().name())
        .param("path", event.path())
        .param("key", event.dedupeKey())
        .param("account", params.get("AccountSid"))
        .param("call", params.get("CallSid"))
        .param("message", params.get("MessageSid"))
        .param("recording", params.get("RecordingSid"))
        .param("workflow", event.workflowId())
        .param("params", json.writeValueAsString(params))
        .param("headers", json.writeValueAsString(event.headers()))
        .param("state", event.state().name())
        .param("next", at(clock.instant().plus(holdFor)))
        .query(Long.class)
        .optional();
  }

  public Optional<InboxEvent> find(long id) {
    return jdbc.sql("SELECT * FROM webhook_events WHERE id = :id")
        .param("id", id)
        .query(this::map)
        .optional();
  }

  public Optional<InboxEvent> findByDedupeKey(String dedupeKey) {
    return jdbc.sql("SELECT * FROM webhook_events WHERE dedupe_key = :key")
        .param("key", dedupeKey)
        .query(this::map)
        .optional();
  }

  /**
   * Settles a synchronous turn in one write: what we answered (so that a redelivery gets the same
   * answer) and whether the workflow answered it.
   */
  public void complete(
      long id, DispatchState state, String error, int status, String contentType, String body) {
    jdbc.sql(
            """
            UPDATE webhook_events SET dispatch_state = :state, last_error = :error,
                dispatched_at = CASE WHEN :state = 'DISPATCHED' THEN CAST(:now AS TIMESTAMPTZ)
                                     ELSE dispatched_at END,
                next_attempt_at = NULL, response_status = :status, response_type = :type,
                response_body = :body
            WHERE id = :id
            """)
        .param("state", state.name())
        .param("error", truncate(error))
        .param("now", at(clock.instant()))
        .param("status", status)
        .param("type", contentType)
        .param("body", body)
        .param("id", id)
        .update();
  }

  /** Keeps what we answered, so that a redelivery gets the same answer. */
  public void answered(long id, int status, String contentType, String body) {
    jdbc.sql(
            """
            UPDATE webhook_events SET response_status = :status, response_type = :type,
                response_body = :body WHERE id = :id
            """)
        .param("status", status)
        .param("type", contentType)
        .param("body", body)
        .param("id", id)
        .update();
  }

  public void settle(long id, DispatchState state, String error) {
    jdbc.sql(
            """
            UPDATE webhook_events SET dispatch_state = :state, last_error = :error,
                dispatched_at = CASE WHEN :state = 'DISPATCHED' THEN CAST(:now AS TIMESTAMPTZ)
                                     ELSE dispatched_at END,
                next_attempt_at = NULL
            WHERE id = :id
            """)
        .param("state", state.name())
        .param("error", truncate(error))
        .param("now", at(clock.instant()))
        .param("id", id)
        .update();
  }

  public void retryLater(long id, String error, Instant next) {
    jdbc.sql(
            """
            UPDATE webhook_events SET dispatch_attempts = dispatch_attempts + 1,
                last_error = :error, next_attempt_at = :next
            WHERE id = :id AND dispatch_state = 'PENDING'
            """)
        .param("error", truncate(error))
        .param("next", at(next))
        .param("id", id)
        .update();
  }

  /**
   * Claims pending events that are due, oldest first, skipping any whose workflow has an older
   * event still pending: a workflow sees its webhooks in the order Twilio sent them. Claimed events
   * are leased so that other api instances leave them alone meanwhile.
   */
  public List<InboxEvent> claimDue(int limit, Duration lease) {
    return jdbc
        .sql(
            """
            UPDATE webhook_events SET next_attempt_at = :leaseEnd
            WHERE id IN (
                SELECT e.id FROM webhook_events e
                WHERE e.dispatch_state = 'PENDING' AND e.next_attempt_at <= :now
                  AND NOT EXISTS (
                      SELECT 1 FROM webhook_events older
                      WHERE older.workflow_id = e.workflow_id
                        AND older.dispatch_state = 'PENDING' AND older.id < e.id)
                ORDER BY e.id
                LIMIT :limit
                FOR UPDATE SKIP LOCKED)
            RETURNING *
            """)
        .param("leaseEnd", at(clock.instant().plus(lease)))
        .param("now", at(clock.instant()))
        .param("limit", limit)
        .query(this::map)
        .list()
        .stream()
        .sorted(java.util.Comparator.comparingLong(InboxEvent::id))
        .toList();
  }

  /** Whether an older event for the same workflow is still waiting, so this one must wait too. */
  public boolean hasOlderPending(String workflowId, long id) {
    return jdbc.sql(
            """
            SELECT EXISTS (SELECT 1 FROM webhook_events WHERE workflow_id = :workflow
                AND dispatch_state = 'PENDING' AND id < :id)
            """)
        .param("workflow", workflowId)
        .param("id", id)
        .query(Boolean.class)
        .single();
  }

  /**
   * Deletes up to {@code limit} of the oldest settled events received before {@code before};
   * pending ones stay whatever their age, since they have not reached their workflow yet.
   */
  public int prune(Instant before, int limit) {
    return jdbc.sql(
            """
            DELETE FROM webhook_events WHERE id IN (
                SELECT id FROM webhook_events
                WHERE received_at < :before AND dispatch_state <> 'PENDING'
                ORDER BY received_at LIMIT :limit)
            """)
        .param("before", at(before))
        .param("limit", limit)
        .update();
  }

  public long backlog() {
    return jdbc.sql("SELECT count(*) FROM webhook_events WHERE dispatch_state = 'PENDING'")
        .query(Long.class)
        .single();
  }

  /** How long the oldest pending event has waited, or zero. */
  public Duration oldestPendingAge() {
    Optional<OffsetDateTime> oldest =
        jdbc.sql("SELECT min(received_at) FROM webhook_events WHERE dispatch_state = 'PENDING'")
            .query(OffsetDateTime.class)
            .optional();
    return oldest
        .map(time -> Duration.between(time.toInstant(), clock.instant()))
        .orElse(Duration.ZERO);
  }

  JdbcClient jdbc() {
    return jdbc;
  }

  InboxEvent map(ResultSet rs, int row) throws SQLException {
    return new InboxEvent(
        rs.getLong("id"),
        instant(rs, "received_at"),
        WebhookKind.valueOf(rs.getString("kind")),
        rs.getString("path"),
        rs.getString("dedupe_key"),
        rs.getString("account_sid"),
        rs.getString("call_sid"),
        rs.getString("message_sid"),
        rs.getString("recording_sid"),
        rs.getString("workflow_id"),
        json.readValue(rs.getString("params"), STRING_MAP),
        json.readValue(rs.getString("headers"), STRING_MAP),
        DispatchState.valueOf(rs.getString("dispatch_state")),
        rs.getInt("dispatch_attempts"),
        instant(rs, "next_attempt_at"),
        instant(rs, "dispatched_at"),
        rs.getString("last_error"),
        (Integer) rs.getObject("response_status"),
        rs.getString("response_type"),
        rs.getString("response_body"));
  }

  static OffsetDateTime at(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static String truncate(String error) {
    return error == null || error.length() <= MAX_ERROR_LENGTH
        ? error
        : error.substring(0, MAX_ERROR_LENGTH);
  }
}

package io.switchboard.api.inbox;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Searching the inbox and queueing events for dispatch again. */
@Component
public class InboxQueries {

  private final Inbox inbox;
  private final Clock clock;

  public InboxQueries(Inbox inbox, Clock clock) {
    this.inbox = inbox;
    this.clock = clock;
  }

  public Optional<InboxEvent> find(long id) {
    return inbox.find(id);
  }

  public List<InboxEvent> search(InboxFilter filter, int limit) {
    Where where = where(filter);
    return where
        .bind(
            inbox
                .jdbc()
                .sql(
                    "SELECT * FROM webhook_events"
                        + where.sql()
                        + " ORDER BY id DESC LIMIT :limit"))
        .param("limit", limit)
        .query(inbox::map)
        .list();
  }

  /** Queues one asynchronous event again; returns 1, or 0 if it is not one. */
  public int requeue(long id) {
    return inbox
        .jdbc()
        .sql(
            """
            UPDATE webhook_events SET dispatch_state = 'PENDING', next_attempt_at = :now,
                last_error = NULL
            WHERE id = :id AND kind IN ('STATUS', 'SMS', 'RECORDING', 'TRANSCRIPTION')
            """)
        .param("now", Inbox.at(clock.instant()))
        .param("id", id)
        .update();
  }

  /** Queues every asynchronous event the filter matches again. */
  public int requeue(InboxFilter filter) {
    Where where = where(filter);
    String sql =
        "UPDATE webhook_events SET dispatch_state = 'PENDING', next_attempt_at = :now,"
            + " last_error = NULL"
            + where.sql()
            + (where.sql().isEmpty() ? " WHERE " : " AND ")
            + "kind IN ('STATUS', 'SMS', 'RECORDING', 'TRANSCRIPTION')";
    return where.bind(inbox.jdbc().sql(sql)).param("now", Inbox.at(clock.instant())).update();
  }

  private record Where(String sql, InboxFilter filter) {
    JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
      if (filter.kind() != null) {
        statement = statement.param("kind", filter.kind().name());
      }
      if (filter.state() != null) {
        statement = statement.param("state", filter.state().name());
      }
      if (filter.sid() != null) {
        statement = statement.param("sid", filter.sid());
      }
      if (filter.from() != null) {
        statement = statement.param("from", Inbox.at(filter.from()));
      }
      if (filter.to() != null) {
        statement = statement.param("to", Inbox.at(filter.to()));
      }
      return statement;
    }
  }

  private static Where where(InboxFilter filter) {
    List<String> conditions = new ArrayList<>();
    if (filter.kind() != null) {
      conditions.add("kind = :kind");
    }
    if (filter.state() != null) {
      conditions.add("dispatch_state = :state");
    }
    if (filter.sid() != null) {
      conditions.add("(call_sid = :sid OR message_sid = :sid OR recording_sid = :sid)");
    }
    if (filter.from() != null) {
      conditions.add("received_at >= :from");
    }
    if (filter.to() != null) {
      conditions.add("received_at < :to");
    }
    return new Where(
        conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions), filter);
  }
}

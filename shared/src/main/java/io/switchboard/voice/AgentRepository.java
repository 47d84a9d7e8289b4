package io.switchboard.voice;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * The agent registry in PostgreSQL (skills as a text array, matched with array containment).
 * Reservation is one conditional update, so that two sessions racing for the last free agent cannot
 * both get it ({@code FOR UPDATE SKIP LOCKED} lets the loser take the next one rather than wait).
 */
public class AgentRepository {

  private final JdbcClient jdbc;

  public AgentRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Creates the agent or replaces its details; availability is set separately. */
  public void save(AgentRow agent, Instant at) {
    jdbc.sql(
            """
            INSERT INTO agents (id, name, target, skills, priority, available, updated_at)
            VALUES (:id, :name, :target, string_to_array(:skills, ','), :priority, :available, :at)
            ON CONFLICT (id) DO UPDATE SET name = :name, target = :target,
              skills = string_to_array(:skills, ','), priority = :priority, updated_at = :at
            """)
        .param("id", agent.id())
        .param("name", agent.name())
        .param("target", agent.target())
        .param("skills", skills(agent.skills()))
        .param("priority", agent.priority())
        .param("available", agent.available())
        .param("at", Timestamp.from(at))
        .update();
  }

  /**
   * Sets availability; returns false for an unknown agent. Becoming available ends a reservation.
   */
  public boolean setAvailable(String id, boolean available, Instant at) {
    return jdbc.sql(
                """
                UPDATE agents SET available = :available, updated_at = :at,
                  reservation = CASE WHEN :available THEN NULL ELSE reservation END,
                  reserved_for = CASE WHEN :available THEN NULL ELSE reserved_for END
                WHERE id = :id
                """)
            .param("id", id)
            .param("available", available)
            .param("at", Timestamp.from(at))
            .update()
        == 1;
  }

  /**
   * Makes an agent available again if it still holds this reservation: one reserved since by
   * another call, or set available or unavailable by a person, is left alone. Returns whether it
   * was freed.
   */
  public boolean release(String id, String requestId, Instant at) {
    return jdbc.sql(
                """
                UPDATE agents SET available = TRUE, reservation = NULL, reserved_for = NULL,
                  updated_at = :at
                WHERE id = :id AND reservation = :request AND NOT available
                """)
            .param("id", id)
            .param("request", requestId)
            .param("at", Timestamp.from(at))
            .update()
        == 1;
  }

  public Optional<AgentRow> find(String id) {
    return jdbc.sql("SELECT * FROM agents WHERE id = :id")
        .param("id", id)
        .query(this::row)
        .optional();
  }

  public List<AgentRow> findAll() {
    return jdbc.sql("SELECT * FROM agents ORDER BY id").query(this::row).list();
  }

  /**
   * A caller's place in line.
   *
   * @param callSid the caller's call
   * @param skills what an agent needs to serve them
   * @param priority higher is served first
   * @param waitingSince when they joined the line; ties go to the smaller CallSid
   * @param callback whether they wait for a queued callback (kept when their call ends)
   */
  public record InLine(
      String callSid, List<String> skills, int priority, Instant waitingSince, boolean callback) {}

  /**
   * Reserves the best free agent for a caller in line (with every skill: the highest priority, then
   * the longest free), unless a caller ahead of them (higher priority, or the same and waiting
   * longer) who asked within {@code liveness} could take that agent: callers are served in order,
   * and an agent only the later caller can use still goes to them; a zero {@code liveness} keeps no
   * line. The caller keeps their place (the earliest {@code waitingSince} they gave) until their
   * call ends, also through an agent who does not pick up: served callers hold no agent back, and
   * ask again in their old place. A retry with the same request id finds the agent it reserved
   * before.
   */
  @Transactional
  public Optional<AgentRow> reserve(
      InLine caller, String requestId, Instant at, Duration liveness) {
    Optional<AgentRow> earlier =
        jdbc.sql("SELECT * FROM agents WHERE reservation = :request")
            .param("request", requestId)
            .query(this::row)
            .optional();
    if (earlier.isPresent()) {
      return earlier;
    }
    Timestamp since = Timestamp.from(caller.waitingSince());
    if (!liveness.isZero()) {
      // The place is the earliest the caller was given, not this ask's.
      since =
          jdbc.sql(
                  """
              INSERT INTO agent_waiters (call_sid, skills, priority, waiting_since, callback, asked_at)
              VALUES (:callSid, string_to_array(:skills, ','), :priority, :since, :callback, :at)
              ON CONFLICT (call_sid) DO UPDATE SET skills = EXCLUDED.skills,
                priority = EXCLUDED.priority, callback = EXCLUDED.callback, asked_at = :at,
                waiting_since = LEAST(agent_waiters.waiting_since, EXCLUDED.waiting_since),
                served = FALSE
              RETURNING waiting_since
              """)
              .param("callSid", caller.callSid())
              .param("skills", skills(caller.skills()))
              .param("priority", caller.priority())
              .param("since", since)
              .param("callback", caller.callback())
              .param("at", Timestamp.from(at))
              .query(Timestamp.class)
              .single();
    }
    Optional<AgentRow> reserved =
        jdbc.sql(
                """
                UPDATE agents SET available = FALSE, reservation = :request,
                  reserved_for = :callSid, updated_at = :at
                WHERE id = (
                  SELECT a.id FROM agents a
                  WHERE a.available AND a.skills @> string_to_array(:skills, ',')
                    AND NOT EXISTS (
                      SELECT 1 FROM agent_waiters w
                      WHERE w.call_sid <> :callSid AND w.asked_at > :live AND NOT w.served
                        AND a.skills @> w.skills
                        AND (w.priority > :priority
                             OR (w.priority = :priority
                                 AND (w.waiting_since, w.call_sid) < (:since, :callSid))))
                  ORDER BY a.priority DESC, a.updated_at, a.id LIMIT 1 FOR UPDATE SKIP LOCKED)
                RETURNING *
                """)
            .param("request", requestId)
            .param("callSid", caller.callSid())
            .param("skills", skills(caller.skills()))
            .param("priority", caller.priority())
            .param("since", since)
            .param("live", Timestamp.from(at.minus(liveness)))
            .param("at", Timestamp.from(at))
            .query(this::row)
            .optional();
    if (reserved.isPresent()) {
      // Served, not gone: if the agent does not pick up, the caller asks again in this place.
      jdbc.sql("UPDATE agent_waiters SET served = TRUE WHERE call_sid = :callSid")
          .param("callSid", caller.callSid())
          .update();
    }
    return reserved;
  }

  /**
   * How many callers are ahead of this one for the agents who could serve them: callers in line who
   * asked since {@code live}, not served, first by priority then time waited, and who need the same
   * skills or could be served by an agent this caller could be. Empty when the caller is not in
   * line (no line kept, or already gone).
   */
  public Optional<Integer> ahead(String callSid, Instant live) {
    return jdbc.sql(
            """
            SELECT (SELECT count(*) FROM agent_waiters w
                    WHERE w.call_sid <> me.call_sid AND w.asked_at > :live AND NOT w.served
                      AND (w.priority > me.priority
                           OR (w.priority = me.priority
                               AND (w.waiting_since, w.call_sid) < (me.waiting_since, me.call_sid)))
                      AND (w.skills = me.skills
                           OR EXISTS (SELECT 1 FROM agents a
                                      WHERE a.skills @> me.skills AND a.skills @> w.skills)))
            FROM agent_waiters me WHERE me.call_sid = :callSid
            """)
        .param("callSid", callSid)
        .param("live", Timestamp.from(live))
        .query(Integer.class)
        .optional();
  }

  /**
   * Takes a caller out of line when their call ended ({@code withCallback} false keeps a queued
   * callback's place, which outlives the call). Returns whether they were in it.
   */
  public boolean leaveLine(String callSid, boolean withCallback) {
    return jdbc.sql(
                "DELETE FROM agent_waiters WHERE call_sid = :callSid AND (:all OR NOT callback)")
            .param("callSid", callSid)
            .param("all", withCallback)
            .update()
        == 1;
  }

  /** Forgets callers who stopped asking long ago (a lost session, a callback that expired). */
  public int forgetLine(Instant before) {
    return jdbc.sql("DELETE FROM agent_waiters WHERE asked_at < :before")
        .param("before", Timestamp.from(before))
        .update();
  }

  /** The callers in line who asked since {@code live}, first first: what ops see of the queue. */
  public List<InLine> line(Instant live) {
    return jdbc.sql(
            """
            SELECT * FROM agent_waiters WHERE asked_at > :live AND NOT served
            ORDER BY priority DESC, waiting_since, call_sid
            """)
        .param("live", Timestamp.from(live))
        .query(
            (rs, n) ->
                new InLine(
                    rs.getString("call_sid"),
                    List.of((String[]) rs.getArray("skills").getArray()),
                    rs.getInt("priority"),
                    rs.getTimestamp("waiting_since").toInstant(),
                    rs.getBoolean("callback")))
        .list();
  }

  /** Skills are validated as words without commas, so a comma-joined list is unambiguous. */
  private static String skills(List<String> skills) {
    return String.join(",", skills);
  }

  private AgentRow row(ResultSet rs, int rowNum) throws SQLException {
    String[] skills = (String[]) rs.getArray("skills").getArray();
    return new AgentRow(
        rs.getString("id"),
        rs.getString("name"),
        rs.getString("target"),
        List.of(skills),
        rs.getInt("priority"),
        rs.getBoolean("available"),
        rs.getString("reserved_for"),
        rs.getTimestamp("updated_at").toInstant());
  }
}

package io.switchboard.voice;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
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
   * Reserves the best free agent with every skill: the highest priority, then the longest free. The
   * same request id finds the agent it reserved before, so that a retry reserves no second one.
   */
  @Transactional
  public Optional<AgentRow> reserve(
      List<String> skills, String callSid, String requestId, Instant at) {
    Optional<AgentRow> earlier =
        jdbc.sql("SELECT * FROM agents WHERE reservation = :request")
            .param("request", requestId)
            .query(this::row)
            .optional();
    if (earlier.isPresent()) {
      return earlier;
    }
    return jdbc.sql(
            """
            UPDATE agents SET available = FALSE, reservation = :request, reserved_for = :callSid,
              updated_at = :at
            WHERE id = (SELECT id FROM agents WHERE available AND skills @> string_to_array(:skills, ',')
                        ORDER BY priority DESC, updated_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)
            RETURNING *
            """)
        .param("request", requestId)
        .param("callSid", callSid)
        .param("skills", skills(skills))
        .param("at", Timestamp.from(at))
        .query(this::row)
        .optional();
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

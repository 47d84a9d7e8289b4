package io.switchboard.api.voice.flow;

import io.switchboard.voice.flow.Flow;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Published flows and the number-to-flow mapping, in PostgreSQL ({@code V4__flows.sql}). */
@Repository
public class FlowStore {

  /** The mapping row that answers numbers without their own. */
  public static final String DEFAULT_NUMBER = "default";

  private final JdbcClient jdbc;
  private final JsonMapper json;
  private final Clock clock;

  public FlowStore(JdbcClient jdbc, JsonMapper json, Clock clock) {
    this.jdbc = jdbc;
    this.json = json;
    this.clock = clock;
  }

  /** One published version. */
  public record Version(String name, int version, Instant publishedAt, boolean created) {}

  /**
   * Publishes the flow as the next version of {@code name}, unless it is the same document as the
   * latest version, which is returned instead: publishing is safe to repeat.
   */
  @Transactional
  public Version publish(String name, Flow flow) {
    String definition = json.writeValueAsString(flow.published(name, 0));
    String hash = sha256(definition);
    Optional<Version> same =
        jdbc.sql(
                """
                SELECT name, version, published_at FROM flows WHERE name = :name
                AND version = (SELECT MAX(version) FROM flows WHERE name = :name)
                AND definition_hash = :hash
                """)
            .param("name", name)
            .param("hash", hash)
            .query((rs, row) -> version(rs, false))
            .optional();
    if (same.isPresent()) {
      return same.get();
    }
    Instant now = clock.instant();
    try {
      int version =
          jdbc.sql(
                  """
                  INSERT INTO flows (name, version, definition, definition_hash, published_at)
                  SELECT :name, COALESCE(MAX(version), 0) + 1, :definition, :hash, :at
                  FROM flows WHERE name = :name
                  RETURNING version
                  """)
              .param("name", name)
              .param("definition", definition)
              .param("hash", hash)
              .param("at", Timestamp.from(now))
              .query(Integer.class)
              .single();
      return new Version(name, version, now, true);
    } catch (DuplicateKeyException e) {
      throw new IllegalStateException("another version of " + name + " was published at once", e);
    }
  }

  /** Every version of every flow, by name then version. */
  public List<Version> versions() {
    return jdbc.sql("SELECT name, version, published_at FROM flows ORDER BY name, version")
        .query((rs, row) -> version(rs, false))
        .list();
  }

  public List<Version> versions(String name) {
    return jdbc.sql(
            "SELECT name, version, published_at FROM flows WHERE name = :name ORDER BY version")
        .param("name", name)
        .query((rs, row) -> version(rs, false))
        .list();
  }

  /** A version of a flow, or the latest when {@code version} is null. */
  public Optional<Flow> find(String name, Integer version) {
    return jdbc.sql(
            """
            SELECT definition, version FROM flows WHERE name = :name
            AND version = COALESCE(:version, (SELECT MAX(version) FROM flows WHERE name = :name))
            """)
        .param("name", name)
        .param("version", version, java.sql.Types.INTEGER)
        .query((rs, row) -> parse(rs.getString(1)).published(name, rs.getInt(2)))
        .optional();
  }

  /**
   * The latest version of the flow that answers calls to {@code number}, else of the default flow.
   * One query: it runs on the voice path, for the first webhook of every call.
   */
  public Optional<Flow> forNumber(String number) {
    return jdbc.sql(
            """
            SELECT f.name, f.version, f.definition FROM flow_numbers n
            JOIN flows f ON f.name = n.flow_name
            WHERE n.number IN (:number, 'default')
            ORDER BY (n.number = 'default'), f.version DESC LIMIT 1
            """)
        .param("number", number == null ? "" : number)
        .query((rs, row) -> parse(rs.getString(3)).published(rs.getString(1), rs.getInt(2)))
        .optional();
  }

  /** Maps one of our numbers (or {@link #DEFAULT_NUMBER}) to a flow. */
  public void map(String number, String flowName) {
    jdbc.sql(
            """
            INSERT INTO flow_numbers (number, flow_name, updated_at) VALUES (:number, :flow, :at)
            ON CONFLICT (number) DO UPDATE SET flow_name = :flow, updated_at = :at
            """)
        .param("number", number)
        .param("flow", flowName)
        .param("at", Timestamp.from(clock.instant()))
        .update();
  }

  /** The flow mapped to a number, without falling back to the default. */
  public Optional<String> mapping(String number) {
    return jdbc.sql("SELECT flow_name FROM flow_numbers WHERE number = :number")
        .param("number", number)
        .query(String.class)
        .optional();
  }

  private Flow parse(String definition) {
    return json.readValue(definition, Flow.class);
  }

  private static Version version(java.sql.ResultSet rs, boolean created)
      throws java.sql.SQLException {
    return new Version(
        rs.getString("name"),
        rs.getInt("version"),
        rs.getTimestamp("published_at").toInstant(),
        created);
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

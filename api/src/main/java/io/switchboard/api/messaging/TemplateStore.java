package io.switchboard.api.messaging;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Templates in PostgreSQL, one text per name and locale. */
@Component
class TemplateStore {

  private final NamedParameterJdbcTemplate jdbc;

  TemplateStore(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Creates or replaces a template; tells whether it was new. */
  boolean put(TemplateView template, Instant at) {
    Map<String, Object> params = new HashMap<>();
    params.put("name", template.name());
    params.put("locale", template.locale());
    params.put("body", template.body());
    params.put("contentSid", template.contentSid());
    params.put(
        "contentVariables",
        template.contentVariables() == null ? null : String.join(",", template.contentVariables()));
    params.put("at", java.sql.Timestamp.from(at));
    return Boolean.TRUE.equals(
        jdbc.queryForObject(
            """
            INSERT INTO templates (name, locale, body, content_sid, content_variables, created_at,
                                   updated_at)
            VALUES (:name, :locale, :body, :contentSid, :contentVariables, :at, :at)
            ON CONFLICT (name, locale) DO UPDATE
               SET body = EXCLUDED.body, content_sid = EXCLUDED.content_sid,
                   content_variables = EXCLUDED.content_variables, updated_at = EXCLUDED.updated_at
            RETURNING (xmax = 0)
            """,
            params,
            Boolean.class));
  }

  Optional<TemplateView> find(String name, String locale) {
    return jdbc
        .query(
            "SELECT * FROM templates WHERE name = :name AND locale = :locale",
            Map.of("name", name, "locale", locale),
            TemplateStore::view)
        .stream()
        .findFirst();
  }

  /**
   * The template for a locale: the exact one, else the one for its language ({@code es} for {@code
   * es-MX}).
   */
  Optional<TemplateView> resolve(String name, String locale) {
    return find(name, locale)
        .or(
            () -> {
              String language = Locale.forLanguageTag(locale).getLanguage();
              return language.equals(locale) ? Optional.empty() : find(name, language);
            });
  }

  List<TemplateView> list(String name) {
    return jdbc.query(
        """
        SELECT * FROM templates WHERE (CAST(:name AS VARCHAR) IS NULL OR name = :name)
         ORDER BY name, locale LIMIT 1000
        """,
        new MapSqlParameterSource("name", name),
        TemplateStore::view);
  }

  boolean delete(String name, String locale) {
    return jdbc.update(
            "DELETE FROM templates WHERE name = :name AND locale = :locale",
            Map.of("name", name, "locale", locale))
        > 0;
  }

  private static TemplateView view(ResultSet row, int n) throws SQLException {
    String variables = row.getString("content_variables");
    return TemplateView.of(
        row.getString("name"),
        row.getString("locale"),
        row.getString("body"),
        row.getString("content_sid"),
        variables == null ? null : List.of(variables.split(",")),
        row.getTimestamp("created_at").toInstant(),
        row.getTimestamp("updated_at").toInstant());
  }
}

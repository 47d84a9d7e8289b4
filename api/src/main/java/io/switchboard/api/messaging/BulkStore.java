package io.switchboard.api.messaging;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Bulk sends and their recipients in PostgreSQL, which the bulk workflow pages through. */
@Component
class BulkStore {

  private static final int BATCH = 1000;

  private final NamedParameterJdbcTemplate jdbc;

  BulkStore(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Records a bulk send with its recipients unless its id is taken; tells whether it was new. One
   * transaction, so that the workflow never pages a half-written list.
   */
  @Transactional
  boolean insert(ValidatedBulk bulk, Instant at) {
    MapSqlParameterSource send =
        new MapSqlParameterSource()
            .addValue("id", bulk.id())
            .addValue("template", bulk.template().name())
            .addValue("locale", bulk.template().locale())
            .addValue("body", bulk.template().body())
            .addValue("contentSid", bulk.contentSid())
            .addValue(
                "contentVariables",
                bulk.contentSid() == null || bulk.template().contentVariables() == null
                    ? null
                    : String.join(",", bulk.template().contentVariables()))
            .addValue("channel", bulk.channel())
            .addValue("from", bulk.from())
            .addValue("total", bulk.recipients().size())
            .addValue("statusCheck", bulk.statusCheckSeconds())
            .addValue("quietStart", bulk.quietStart())
            .addValue("quietEnd", bulk.quietEnd())
            .addValue("hash", bulk.requestHash())
            .addValue("at", Timestamp.from(at));
    int inserted =
        jdbc.update(
            """
            INSERT INTO bulk_sends (id, template_name, locale, body, content_sid,
                                    content_variables, channel, from_address, total,
                                    status_check_seconds, quiet_start, quiet_end, request_hash,
                                    created_at)
            VALUES (:id, :template, :locale, :body, :contentSid, :contentVariables, :channel,
                    :from, :total, :statusCheck, :quietStart, :quietEnd, :hash, :at)
            ON CONFLICT (id) DO NOTHING
            """,
            send);
    if (inserted == 0) {
      return false;
    }
    List<SqlParameterSource> batch = new ArrayList<>(BATCH);
    for (int seq = 0; seq < bulk.recipients().size(); seq++) {
      ValidatedBulk.Recipient recipient = bulk.recipients().get(seq);
      batch.add(
          new MapSqlParameterSource()
              .addValue("id", bulk.id())
              .addValue("seq", seq)
              .addValue("to", recipient.to())
              .addValue("variables", recipient.variablesJson())
              .addValue("zone", recipient.zone()));
      if (batch.size() == BATCH || seq == bulk.recipients().size() - 1) {
        jdbc.batchUpdate(
            """
            INSERT INTO bulk_recipients (bulk_id, seq, to_address, variables, zone)
            VALUES (:id, :seq, :to, :variables, :zone)
            """,
            batch.toArray(SqlParameterSource[]::new));
        batch.clear();
      }
    }
    return true;
  }

  /** The request hash of a recorded bulk send, to tell a repeat from another request. */
  Optional<String> requestHash(String id) {
    return jdbc
        .queryForList(
            "SELECT request_hash FROM bulk_sends WHERE id = :id", Map.of("id", id), String.class)
        .stream()
        .findFirst();
  }

  /** How many recipients a recorded bulk send has; empty when there is no such bulk send. */
  Optional<Integer> total(String id) {
    return jdbc
        .queryForList(
            "SELECT total FROM bulk_sends WHERE id = :id", Map.of("id", id), Integer.class)
        .stream()
        .findFirst();
  }
}

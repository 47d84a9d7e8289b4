package io.switchboard.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.ops.NumberFingerprint;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Pages a bulk send's recipients out of PostgreSQL and renders its template (copied into the bulk
 * send when it was accepted) for each: the messages never sit in the bulk workflow's input.
 */
@Component("bulkActivities")
public class BulkActivitiesImpl implements BulkActivities {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, String>> VARIABLES = new TypeReference<>() {};

  private final NamedParameterJdbcTemplate jdbc;
  private final NumberFingerprint fingerprint;

  public BulkActivitiesImpl(NamedParameterJdbcTemplate jdbc, NumberFingerprint fingerprint) {
    this.jdbc = jdbc;
    this.fingerprint = fingerprint;
  }

  @Override
  public List<MessageRequest> loadRecipients(RecipientPage page) {
    BulkSend bulk =
        jdbc.queryForObject(
            """
            SELECT body, content_sid, content_variables, channel, from_address,
                   status_check_seconds, quiet_start, quiet_end
              FROM bulk_sends WHERE id = :id
            """,
            Map.of("id", page.bulkId()),
            (row, n) ->
                new BulkSend(
                    row.getString("body"),
                    row.getString("content_sid"),
                    row.getString("content_variables"),
                    row.getString("channel"),
                    row.getString("from_address"),
                    row.getLong("status_check_seconds"),
                    row.getString("quiet_start"),
                    row.getString("quiet_end")));
    return jdbc.query(
        """
        SELECT seq, to_address, variables, zone FROM bulk_recipients
         WHERE bulk_id = :id AND seq >= :from ORDER BY seq LIMIT :limit
        """,
        Map.of("id", page.bulkId(), "from", page.fromSeq(), "limit", page.limit()),
        (row, n) ->
            bulk.message(
                    page.bulkId() + "~" + row.getInt("seq"),
                    row.getString("to_address"),
                    variables(row.getString("variables")),
                    row.getString("zone"))
                // Computed here, outside workflow code: the key never enters a workflow.
                .withParticipantFingerprint(fingerprint.of(row.getString("to_address"))));
  }

  private static Map<String, String> variables(String json) {
    try {
      return JSON.readValue(json, VARIABLES);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a bulk recipient's variables are not a JSON object", e);
    }
  }

  private record BulkSend(
      String body,
      String contentSid,
      String contentVariables,
      String channel,
      String from,
      long statusCheckSeconds,
      String quietStart,
      String quietEnd) {

    MessageRequest message(String id, String to, Map<String, String> values, String zone) {
      return new MessageRequest(
          id,
          channel,
          from,
          to,
          TemplateText.render(body, values),
          List.of(),
          null,
          zone == null ? null : new QuietHours(quietStart, quietEnd, zone),
          statusCheckSeconds,
          null,
          contentSid,
          contentSid == null ? null : TemplateText.contentVariables(contentVariables, values));
    }
  }
}

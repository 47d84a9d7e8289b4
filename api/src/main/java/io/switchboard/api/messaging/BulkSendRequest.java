package io.switchboard.api.messaging;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/**
 * A template to many recipients.
 *
 * @param template the saved template's name
 * @param locale its locale; {@code en} when absent
 * @param channel {@code sms} (default) or {@code whatsapp}
 * @param from our sender; the bulk send goes at its throughput
 * @param quietHours whether recipients' quiet hours hold their messages; the configured default
 *     when absent
 * @param recipients up to 100,000, each with the template's variables
 */
public record BulkSendRequest(
    @Schema(example = "table-ready") String template,
    @Schema(example = "en") String locale,
    @Schema(allowableValues = {"sms", "whatsapp"}) String channel,
    @Schema(example = "+14155550199") String from,
    Boolean quietHours,
    List<Recipient> recipients) {

  /**
   * @param to the recipient, E.164
   * @param variables values for the template's variables
   */
  public record Recipient(
      @Schema(example = "+14155550100") String to, Map<String, String> variables) {}
}

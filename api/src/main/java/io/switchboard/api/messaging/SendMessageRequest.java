package io.switchboard.api.messaging;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A message to send, as clients post it.
 *
 * @param to the recipient in E.164 ({@code +14155550100}); for WhatsApp the bare number or {@code
 *     whatsapp:+1…}
 * @param from our sender, in the same form
 * @param body the text, at most 1,600 characters; optional when media are given
 * @param mediaUrls public URLs of media (MMS, WhatsApp)
 * @param channel {@code sms} (default), {@code mms} or {@code whatsapp}
 * @param sendAt when to send; now when absent
 * @param quietHours whether the recipient's quiet hours hold the message; the configured default
 *     when absent
 * @param normalize replace smart quotes, dashes and ellipses with ASCII so that they do not force
 *     UCS-2 (which halves the characters per segment)
 * @param fallbackChannel {@code sms}: resend there if a WhatsApp message is not delivered
 * @param fallbackFrom our SMS sender for the fallback
 * @param deadline no fallback after this instant; an hour after acceptance when absent
 * @param template instead of a body: the name of a saved template, rendered with {@code variables}
 * @param locale the template's locale ({@code es-MX} falls back to {@code es}); {@code en} when
 *     absent
 * @param variables values for the template's variables; every one it uses is required
 */
public record SendMessageRequest(
    @Schema(example = "+14155550100") String to,
    @Schema(example = "+14155550199") String from,
    @Schema(example = "Your table is ready.") String body,
    List<String> mediaUrls,
    @Schema(allowableValues = {"sms", "mms", "whatsapp"}) String channel,
    Instant sendAt,
    Boolean quietHours,
    Boolean normalize,
    @Schema(allowableValues = {"sms"}) String fallbackChannel,
    String fallbackFrom,
    Instant deadline,
    @Schema(example = "table-ready") String template,
    @Schema(example = "en") String locale,
    Map<String, String> variables) {

  /** A request with a body and no template. */
  public SendMessageRequest(
      String to,
      String from,
      String body,
      List<String> mediaUrls,
      String channel,
      Instant sendAt,
      Boolean quietHours,
      Boolean normalize,
      String fallbackChannel,
      String fallbackFrom,
      Instant deadline) {
    this(
        to,
        from,
        body,
        mediaUrls,
        channel,
        sendAt,
        quietHours,
        normalize,
        fallbackChannel,
        fallbackFrom,
        deadline,
        null,
        null,
        null);
  }
}

package io.switchboard.api.messaging;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

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
 */
public record SendMessageRequest(
    @Schema(example = "+14155550100") String to,
    @Schema(example = "+14155550199") String from,
    @Schema(example = "Your table is ready.") String body,
    List<String> mediaUrls,
    @Schema(allowableValues = {"sms", "mms", "whatsapp"}) String channel,
    Instant sendAt,
    Boolean quietHours,
    Boolean normalize) {}

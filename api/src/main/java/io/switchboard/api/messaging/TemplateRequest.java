package io.switchboard.api.messaging;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * A template as clients save it.
 *
 * @param body the text, at most 1,600 characters, with {@code {{variable}}} placeholders
 * @param contentSid for WhatsApp: an approved Twilio Content template ({@code HX…}) to send outside
 *     the 24-hour session window
 * @param contentVariables our variables that fill the Content template's {@code {{1}}}, {@code
 *     {{2}}}, …, in order
 */
public record TemplateRequest(
    @Schema(example = "Hi {{name}}, your table for {{size}} is ready.") String body,
    @Schema(example = "HX0123456789abcdef0123456789abcdef") String contentSid,
    List<String> contentVariables) {}

package io.switchboard.api.messaging;

import io.switchboard.messaging.TemplateText;
import java.time.Instant;
import java.util.List;

/**
 * A message template.
 *
 * @param name the template's name
 * @param locale its locale, a BCP 47 tag ({@code en}, {@code es-MX})
 * @param body the text, with {@code {{variable}}} placeholders
 * @param variables the variables the body uses, in order of first use
 * @param contentSid for WhatsApp: the approved Twilio Content template sent outside the 24-hour
 *     session window, or null
 * @param contentVariables for WhatsApp: which of our variables fill the Content template's {@code
 *     {{1}}}, {@code {{2}}}, …, in that order
 * @param createdAt when it was first saved
 * @param updatedAt when it was last saved
 */
public record TemplateView(
    String name,
    String locale,
    String body,
    List<String> variables,
    String contentSid,
    List<String> contentVariables,
    Instant createdAt,
    Instant updatedAt) {

  static TemplateView of(
      String name,
      String locale,
      String body,
      String contentSid,
      List<String> contentVariables,
      Instant createdAt,
      Instant updatedAt) {
    return new TemplateView(
        name,
        locale,
        body,
        List.copyOf(TemplateText.variables(body)),
        contentSid,
        contentVariables,
        createdAt,
        updatedAt);
  }
}

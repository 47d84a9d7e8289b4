package io.switchboard.api.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.messaging.QuietHours;
import io.switchboard.messaging.TemplateText;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * Checks a bulk send before anything is stored: the template exists, every recipient's number is
 * valid and every recipient has the template's variables. The first fault is refused with the
 * recipient's index, so that a client can fix its list.
 */
@Component
class BulkValidator {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final MessageValidator messages;
  private final TemplateStore templates;
  private final MessagingProperties properties;
  private final BulkProperties bulk;

  BulkValidator(
      MessageValidator messages,
      TemplateStore templates,
      MessagingProperties properties,
      BulkProperties bulk) {
    this.messages = messages;
    this.templates = templates;
    this.properties = properties;
    this.bulk = bulk;
  }

  ValidatedBulk validate(String key, BulkSendRequest body) {
    if (key == null || !MessageValidator.KEY.matcher(key).matches()) {
      throw new InvalidMessageException(
          "An Idempotency-Key header of 1 to 200 characters (letters, digits, . _ : -) is"
              + " required; it names the bulk send.");
    }
    if (body == null || body.template() == null) {
      throw new InvalidMessageException("A JSON body naming a 'template' is required.");
    }
    String channel =
        body.channel() == null ? "sms" : body.channel().trim().toLowerCase(Locale.ROOT);
    if (!"sms".equals(channel) && !"whatsapp".equals(channel)) {
      throw new InvalidMessageException("A bulk send's 'channel' is sms or whatsapp.");
    }
    List<BulkSendRequest.Recipient> given = body.recipients();
    if (given == null || given.isEmpty() || given.size() > bulk.maxRecipients()) {
      throw new InvalidMessageException(
          "'recipients' must have 1 to " + bulk.maxRecipients() + " entries.");
    }
    String locale = body.locale() == null ? "en" : body.locale();
    TemplateView template =
        templates
            .resolve(body.template(), locale)
            .orElseThrow(
                () ->
                    new InvalidMessageException(
                        "No template '" + body.template() + "' for locale " + locale + "."));
    String from = messages.address(channel, "from", body.from());
    boolean quiet =
        body.quietHours() != null ? body.quietHours() : properties.quietHours().enabled();
    List<ValidatedBulk.Recipient> recipients = new ArrayList<>(given.size());
    MessageDigest hash = sha256();
    update(hash, template.name(), template.locale(), channel, from, String.valueOf(quiet));
    for (int i = 0; i < given.size(); i++) {
      ValidatedBulk.Recipient recipient = recipient(i, channel, template, given.get(i), quiet);
      recipients.add(recipient);
      update(hash, recipient.to(), recipient.variablesJson());
    }
    String contentSid = "whatsapp".equals(channel) ? template.contentSid() : null;
    MessagingProperties.QuietHoursWindow window = properties.quietHours();
    return new ValidatedBulk(
        key,
        template,
        channel,
        from,
        contentSid,
        properties.statusCheckAfter().toSeconds(),
        quiet ? window.start() : null,
        quiet ? window.end() : null,
        recipients,
        HexFormat.of().formatHex(hash.digest()));
  }

  private ValidatedBulk.Recipient recipient(
      int index,
      String channel,
      TemplateView template,
      BulkSendRequest.Recipient given,
      boolean quiet) {
    String field = "recipients[" + index + "].to";
    if (given == null) {
      throw new InvalidMessageException("recipients[" + index + "] is empty.");
    }
    String to = messages.address(channel, field, given.to());
    List<String> missing = TemplateText.missing(template.body(), given.variables());
    if (!missing.isEmpty()) {
      throw new InvalidTemplateException(
          "recipients["
              + index
              + "] lacks template variables: "
              + String.join(", ", missing)
              + ".");
    }
    String text = TemplateText.render(template.body(), given.variables());
    if (text.length() > MessageValidator.MAX_BODY) {
      throw new InvalidMessageException(
          "recipients[" + index + "]: the rendered text exceeds Twilio's 1,600 characters.");
    }
    QuietHours zone = quiet ? messages.quietHours(to) : null;
    return new ValidatedBulk.Recipient(
        to, json(given.variables()), zone == null ? null : zone.zone());
  }

  private static String json(Map<String, String> variables) {
    try {
      return JSON.writeValueAsString(variables == null ? Map.of() : new TreeMap<>(variables));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("strings always serialise", e);
    }
  }

  private static void update(MessageDigest digest, String... parts) {
    for (String part : parts) {
      digest.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}

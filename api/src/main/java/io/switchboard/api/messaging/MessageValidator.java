package io.switchboard.api.messaging;

import io.switchboard.messaging.FallbackChannel;
import io.switchboard.messaging.MessageRequest;
import io.switchboard.messaging.QuietHours;
import io.switchboard.messaging.SmsSegments;
import io.switchboard.messaging.TemplateText;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Turns a send request into a workflow input, or refuses it with a reason a client can act on.
 * Everything Twilio would refuse for the request's own sake is refused here, before a workflow
 * starts.
 */
@Component
class MessageValidator {

  static final int MAX_BODY = 1600;
  private static final int MAX_MEDIA = 10;
  private static final Duration MAX_SCHEDULE = Duration.ofDays(35);
  private static final Duration DEFAULT_FALLBACK_WINDOW = Duration.ofHours(1);
  private static final Set<String> CHANNELS = Set.of("sms", "mms", "whatsapp");
  static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1,200}");

  private final PhoneNumbers phones;
  private final MessagingProperties properties;
  private final TemplateStore templates;
  private final Clock clock;

  MessageValidator(
      PhoneNumbers phones, MessagingProperties properties, TemplateStore templates, Clock clock) {
    this.phones = phones;
    this.properties = properties;
    this.templates = templates;
    this.clock = clock;
  }

  ValidatedMessage validate(String idempotencyKey, SendMessageRequest body) {
    if (idempotencyKey == null || !KEY.matcher(idempotencyKey).matches()) {
      throw new InvalidMessageException(
          "An Idempotency-Key header of 1 to 200 characters (letters, digits, . _ : -) is"
              + " required; repeat it to repeat the request safely.");
    }
    if (body == null) {
      throw new InvalidMessageException("A JSON body is required.");
    }
    List<String> media = media(body.mediaUrls());
    String channel = channel(body.channel(), media);
    String to = address(channel, "to", body.to());
    String from = address(channel, "from", body.from());
    TemplateView template = template(body);
    String given = template == null ? body.body() : render(template, body.variables());
    String text = Boolean.TRUE.equals(body.normalize()) ? Gsm7Normalizer.normalize(given) : given;
    // The approved WhatsApp template goes with the message, for outside the session window.
    String contentSid =
        template != null && "whatsapp".equals(channel) ? template.contentSid() : null;
    String contentVariables =
        contentSid == null
            ? null
            : TemplateText.contentVariables(
                String.join(
                    ",",
                    template.contentVariables() == null ? List.of() : template.contentVariables()),
                body.variables());
    if ((text == null || text.isEmpty()) && media.isEmpty()) {
      throw new InvalidMessageException("A 'body' or at least one of 'mediaUrls' is required.");
    }
    if (text != null && text.length() > MAX_BODY) {
      throw new InvalidMessageException(
          "The body has " + text.length() + " characters; Twilio accepts at most 1,600.");
    }
    Long sendAt = sendAt(body.sendAt());
    boolean quiet =
        body.quietHours() != null ? body.quietHours() : properties.quietHours().enabled();
    MessageRequest request =
        new MessageRequest(
            idempotencyKey,
            channel,
            from,
            to,
            text,
            media,
            sendAt,
            quiet ? quietHours(to) : null,
            properties.statusCheckAfter().toSeconds(),
            fallback(channel, body),
            contentSid,
            contentVariables);
    SmsSegments segments = "whatsapp".equals(channel) || text == null ? null : SmsSegments.of(text);
    String hash =
        hash(
            channel,
            from,
            to,
            text,
            media,
            sendAt,
            quiet,
            request.fallback() + "\u0000" + contentSid + "\u0000" + contentVariables);
    return new ValidatedMessage(request, segments, hash);
  }

  /** The saved template a request names, or null when it has a body of its own. */
  private TemplateView template(SendMessageRequest body) {
    if (body.template() == null) {
      if (body.variables() != null || body.locale() != null) {
        throw new InvalidMessageException("'variables' and 'locale' go with a 'template'.");
      }
      return null;
    }
    if (body.body() != null) {
      throw new InvalidMessageException("Give a 'body' or a 'template', not both.");
    }
    String locale = body.locale() == null ? "en" : body.locale();
    return templates
        .resolve(body.template(), locale)
        .orElseThrow(
            () ->
                new InvalidMessageException(
                    "No template '" + body.template() + "' for locale " + locale + "."));
  }

  /** Renders a template; every variable it uses needs a value (a 400 naming the missing). */
  static String render(TemplateView template, Map<String, String> variables) {
    return TemplateText.render(template.body(), variables);
  }

  private static String channel(String given, List<String> media) {
    String channel =
        given == null || given.isBlank()
            ? (media.isEmpty() ? "sms" : "mms")
            : given.trim().toLowerCase(Locale.ROOT);
    if (!CHANNELS.contains(channel)) {
      throw new InvalidMessageException("'channel' must be sms, mms or whatsapp.");
    }
    if ("sms".equals(channel) && !media.isEmpty()) {
      throw new InvalidMessageException("Media need channel mms or whatsapp, not sms.");
    }
    return channel;
  }

  /** WhatsApp addresses are {@code whatsapp:+E164}; the prefix is optional in requests. */
  String address(String channel, String field, String value) {
    boolean prefixed = value != null && value.trim().startsWith("whatsapp:");
    if (prefixed && !"whatsapp".equals(channel)) {
      throw new InvalidMessageException(
          "'" + field + "' is a WhatsApp address but the channel is " + channel + ".");
    }
    String number = phones.e164(field, prefixed ? value.trim().substring(9) : value);
    return "whatsapp".equals(channel) ? "whatsapp:" + number : number;
  }

  /** WhatsApp may fall back to SMS before a deadline (an hour after acceptance by default). */
  private FallbackChannel fallback(String channel, SendMessageRequest body) {
    if (body.fallbackChannel() == null || body.fallbackChannel().isBlank()) {
      return null;
    }
    if (!"whatsapp".equals(channel) || !"sms".equalsIgnoreCase(body.fallbackChannel().trim())) {
      throw new InvalidMessageException(
          "Only WhatsApp messages may fall back, and only to 'fallbackChannel' sms.");
    }
    String from = phones.e164("fallbackFrom", body.fallbackFrom());
    Instant deadline =
        body.deadline() != null ? body.deadline() : clock.instant().plus(DEFAULT_FALLBACK_WINDOW);
    if (!deadline.isAfter(clock.instant())
        || deadline.isAfter(clock.instant().plus(MAX_SCHEDULE))) {
      throw new InvalidMessageException("'deadline' must be in the next 35 days.");
    }
    return new FallbackChannel("sms", from, deadline.toEpochMilli());
  }

  private static List<String> media(List<String> urls) {
    if (urls == null) {
      return List.of();
    }
    if (urls.size() > MAX_MEDIA) {
      throw new InvalidMessageException("At most 10 'mediaUrls' per message.");
    }
    for (String url : urls) {
      URI uri;
      try {
        uri = URI.create(url);
      } catch (IllegalArgumentException | NullPointerException e) {
        throw new InvalidMessageException("Each of 'mediaUrls' must be an absolute http(s) URL.");
      }
      if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
        throw new InvalidMessageException("Each of 'mediaUrls' must be an absolute http(s) URL.");
      }
    }
    return List.copyOf(urls);
  }

  private Long sendAt(Instant sendAt) {
    if (sendAt == null || !sendAt.isAfter(clock.instant())) {
      return null; // A time already past means now.
    }
    if (sendAt.isAfter(clock.instant().plus(MAX_SCHEDULE))) {
      throw new InvalidMessageException("'sendAt' may be at most 35 days ahead.");
    }
    return sendAt.toEpochMilli();
  }

  QuietHours quietHours(String to) {
    MessagingProperties.QuietHoursWindow window = properties.quietHours();
    String region = phones.region(to.startsWith("whatsapp:") ? to.substring(9) : to);
    String zone = window.zones().getOrDefault(region, window.defaultZone());
    return new QuietHours(window.start(), window.end(), zone);
  }

  /** What the client asked for, not derived settings, so a retry after a config change matches. */
  private static String hash(
      String channel,
      String from,
      String to,
      String text,
      List<String> media,
      Long sendAt,
      boolean quiet,
      String fallback) {
    String canonical =
        String.join(
            "\u0000",
            channel,
            from,
            to,
            String.valueOf(text),
            String.join("\u0001", media),
            String.valueOf(sendAt),
            String.valueOf(quiet),
            fallback);
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}

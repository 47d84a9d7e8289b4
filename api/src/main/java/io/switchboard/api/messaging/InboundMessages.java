package io.switchboard.api.messaging;

import io.switchboard.messaging.Addresses;
import io.switchboard.messaging.InboundMedia;
import io.switchboard.messaging.MessageMediaRepository;
import io.switchboard.messaging.MessageRepository;
import io.switchboard.messaging.OptOutRepository;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Inbound SMS, MMS and WhatsApp messages, as the {@code /webhooks/sms} ingress hands them over
 * (Twilio's form parameters, signature already checked). Applies Twilio's standard consent keywords
 * to {@code opt_outs}, stores the message (and the media it names, pending) once whatever Twilio's
 * retries, and says what to reply. Fetching media and forwarding are {@code
 * InboundMessageWorkflow}'s. Runs in one transaction so that consent and the stored message agree.
 */
// Named apart from the simulator's own InboundMessages bean, which shares the platform context.
@Service("inboundMessageHandling")
public class InboundMessages {

  /** Twilio's standard opt-out, opt-in and help keywords. */
  static final Set<String> OPT_OUT =
      Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "OPTOUT", "REVOKE");

  static final Set<String> OPT_IN = Set.of("START", "YES", "UNSTOP");
  static final Set<String> HELP = Set.of("HELP", "INFO");

  static final String STOPPED =
      "You have successfully been unsubscribed. You will not receive any more messages from this"
          + " number. Reply START to resubscribe.";
  static final String STARTED =
      "You have successfully been re-subscribed to messages from this number. Reply HELP for"
          + " help. Reply STOP to unsubscribe. Msg&Data Rates May Apply.";
  static final String HELPED = "Reply STOP to unsubscribe. Msg&Data Rates May Apply.";

  /** Twilio delivers at most ten media per message. */
  static final int MAX_MEDIA = 10;

  private final MessageRepository messages;
  private final MessageMediaRepository media;
  private final OptOutRepository optOuts;
  private final MessagingProperties properties;
  private final Clock clock;

  public InboundMessages(
      MessageRepository messages,
      MessageMediaRepository media,
      OptOutRepository optOuts,
      MessagingProperties properties,
      Clock clock) {
    this.messages = messages;
    this.media = media;
    this.optOuts = optOuts;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * Handles one inbound message webhook.
   *
   * @param twilioParams the webhook's form parameters ({@code MessageSid}, {@code From}, {@code
   *     To}, {@code Body}, {@code NumMedia}, …)
   * @return the auto-reply for a keyword, else none
   */
  @Transactional
  public InboundReply handle(Map<String, String> twilioParams) {
    String sid = twilioParams.getOrDefault("MessageSid", twilioParams.get("SmsSid"));
    String from = twilioParams.get("From");
    String to = twilioParams.get("To");
    if (sid == null || from == null || to == null) {
      throw new IllegalArgumentException("an inbound message needs MessageSid, From and To");
    }
    String body = twilioParams.get("Body");
    int numMedia = parseCount(twilioParams.get("NumMedia"));
    boolean first =
        messages.insertInbound(
            sid, channel(from, numMedia), from, to, body, numMedia, clock.instant());
    for (InboundMedia medium : mediaOf(twilioParams)) {
      media.insertPending(sid, medium.index(), medium.url(), medium.contentType(), clock.instant());
    }
    // The recipient of our messages is the one who wrote; consent is kept per bare number.
    String sender = Addresses.number(to);
    String recipient = Addresses.number(from);
    String keyword = keyword(body);
    String reply = null;
    // Consent changes once per message: an operator's replay of an old STOP must not undo a
    // START sent since. The reply is the same on every delivery.
    if (OPT_OUT.contains(keyword)) {
      if (first) {
        optOuts.optOut(sender, recipient, keyword, clock.instant());
      }
      reply = STOPPED;
    } else if (OPT_IN.contains(keyword)) {
      if (first) {
        optOuts.optIn(sender, recipient);
      }
      reply = STARTED;
    } else if (HELP.contains(keyword)) {
      reply = HELPED;
    }
    return properties.keywordReplies() && reply != null
        ? new InboundReply(reply)
        : InboundReply.none();
  }

  /**
   * The media a webhook names ({@code MediaUrlN} with {@code MediaContentTypeN}, N below {@code
   * NumMedia}); Twilio sends at most ten.
   */
  public static List<InboundMedia> mediaOf(Map<String, String> twilioParams) {
    int count = Math.min(MAX_MEDIA, parseCount(twilioParams.get("NumMedia")));
    List<InboundMedia> media = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String url = twilioParams.get("MediaUrl" + i);
      if (url != null && !url.isBlank()) {
        media.add(new InboundMedia(i, url, twilioParams.get("MediaContentType" + i)));
      }
    }
    return media;
  }

  /** Twilio matches a keyword only as the whole message, ignoring case and surrounding space. */
  static String keyword(String body) {
    if (body == null) {
      return "";
    }
    return body.strip().replaceAll("[.!]+$", "").toUpperCase(Locale.ROOT);
  }

  private static String channel(String from, int numMedia) {
    if (from.startsWith("whatsapp:")) {
      return "whatsapp";
    }
    return numMedia > 0 ? "mms" : "sms";
  }

  private static int parseCount(String value) {
    try {
      return value == null ? 0 : Math.max(0, Integer.parseInt(value.trim()));
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}

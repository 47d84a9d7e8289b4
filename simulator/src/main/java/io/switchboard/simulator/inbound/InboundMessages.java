package io.switchboard.simulator.inbound;

import io.switchboard.simulator.SimulatorProperties;
import io.switchboard.simulator.media.MessageMediaStore;
import io.switchboard.simulator.media.SimMedia;
import io.switchboard.simulator.twiml.MessagingTwiml;
import io.switchboard.simulator.twiml.MessagingTwiml.Reply;
import io.switchboard.simulator.twiml.Sids;
import io.switchboard.simulator.voice.TranscriptEntry;
import io.switchboard.simulator.webhook.SignedWebhookClient;
import io.switchboard.simulator.webhook.SignedWebhookClient.WebhookFailedException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Delivers a message from a handset to the application's messaging webhook and reads the reply
 * TwiML, following {@code <Redirect>} as Twilio does. Twilio caps a reply session at 50 documents
 * (warning 14106, "Document retrieval limit reached"). An HTTP error or a body that is not TwiML
 * leaves the message unanswered with Twilio's code (11200, 12100).
 */
@Service
public class InboundMessages {

  static final int DOCUMENT_LIMIT = 50;
  static final int MADE_UP_MEDIA_BYTES = 3 * 1024;

  private final SignedWebhookClient client;
  private final AppWebhooks webhooks;
  private final SimulatorProperties account;
  private final MessageMediaStore mediaStore;
  private final SecureRandom random = new SecureRandom();

  InboundMessages(AppWebhooks webhooks, SimulatorProperties account, MessageMediaStore mediaStore) {
    this.client = new SignedWebhookClient(account.authToken());
    this.webhooks = webhooks;
    this.account = account;
    this.mediaStore = mediaStore;
  }

  public InboundMessageResult send(InboundMessageRequest message) {
    if (message.from() == null || message.to() == null) {
      throw new IllegalArgumentException("'from' and 'to' are required");
    }
    String sid = Sids.random(message.mediaCount() == 0 ? "SM" : "MM");
    List<MessageParameters.Media> media = new ArrayList<>();
    message
        .mediaUrls()
        .forEach(
            url -> media.add(new MessageParameters.Media(url, MessageParameters.contentType(url))));
    for (InboundMessageRequest.Attachment attachment : message.media()) {
      media.add(keep(sid, attachment));
    }
    Map<String, String> params = MessageParameters.of(sid, account.accountSid(), message, media);
    String url = message.url() != null ? message.url() : webhooks.smsUrl(message.to());
    String method = "POST";
    List<Reply> replies = new ArrayList<>();
    List<TranscriptEntry> requests = new ArrayList<>();
    for (int document = 0; document < DOCUMENT_LIMIT; document++) {
      SignedWebhookClient.Response response;
      try {
        response = "GET".equals(method) ? client.get(url, params) : client.post(url, params);
      } catch (WebhookFailedException e) {
        requests.add(entry(method, url, params, 0, null, 0, "no answer"));
        return new InboundMessageResult(sid, replies, requests, 11200);
      }
      requests.add(
          entry(
              method,
              url,
              params,
              response.status(),
              response.body(),
              response.elapsed().toMillis(),
              "the application answered HTTP " + response.status()));
      if (response.status() < 200 || response.status() > 299) {
        return new InboundMessageResult(sid, replies, requests, 11200);
      }
      MessagingTwiml.Parsed parsed = MessagingTwiml.parse(url, response.body());
      if (parsed.errorCode() != null) {
        return new InboundMessageResult(sid, replies, requests, parsed.errorCode());
      }
      replies.addAll(parsed.replies());
      if (parsed.redirectUrl() == null) {
        return new InboundMessageResult(sid, replies, requests, null);
      }
      url = parsed.redirectUrl();
      method = parsed.redirectMethod();
    }
    return new InboundMessageResult(sid, replies, requests, 14106);
  }

  /**
   * Keeps an attachment as Twilio keeps received media, so that the application fetches it from
   * Twilio's media URL (here, from the simulator).
   */
  private MessageParameters.Media keep(String messageSid, InboundMessageRequest.Attachment file) {
    String type = file.contentType() == null ? "application/octet-stream" : file.contentType();
    byte[] content;
    if (file.content() == null) {
      content = new byte[MADE_UP_MEDIA_BYTES];
      random.nextBytes(content);
    } else {
      try {
        content = Base64.getDecoder().decode(file.content());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("media 'content' must be base64");
      }
    }
    SimMedia kept = mediaStore.add(messageSid, type, content);
    String url =
        "https://api.twilio.com/2010-04-01/Accounts/"
            + account.accountSid()
            + "/Messages/"
            + messageSid
            + "/Media/"
            + kept.sid();
    return new MessageParameters.Media(url, type);
  }

  private static TranscriptEntry entry(
      String method,
      String url,
      Map<String, String> params,
      int status,
      String body,
      long millis,
      String description) {
    return new TranscriptEntry(
        Instant.now(), "request", method, url, params, status, body, millis, description);
  }
}

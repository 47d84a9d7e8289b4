package io.switchboard.messaging;

import com.twilio.base.ResourceSet;
import com.twilio.exception.TwilioException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.type.PhoneNumber;
import io.switchboard.twilio.TwilioFailures;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/** The Messages resource through twilio-java; every failure leaves as a typed failure. */
@Component
class TwilioMessages {

  /** Twilio's date_created has second precision; our clock and Twilio's may differ a little. */
  private static final Duration CLOCK_SKEW = Duration.ofSeconds(5);

  /** Reconciliation reads the newest messages between the two numbers, no more. */
  private static final int RECENT = 50;

  private final TwilioRestClient client;

  TwilioMessages(TwilioRestClient client) {
    this.client = client;
  }

  MessageStatusEvent create(MessageRequest request, boolean useContent, URI statusCallback) {
    PhoneNumber to = new PhoneNumber(request.to());
    PhoneNumber from = new PhoneNumber(request.from());
    MessageCreator creator;
    if (useContent) {
      // An approved WhatsApp template: Twilio renders it from ContentSid and ContentVariables.
      creator = Message.creator(to, from, (String) null).setContentSid(request.contentSid());
      if (request.contentVariables() != null) {
        creator.setContentVariables(request.contentVariables());
      }
    } else if (request.body() == null) {
      creator = Message.creator(to, from, request.mediaUrls().stream().map(URI::create).toList());
    } else {
      creator = Message.creator(to, from, request.body());
    }
    if (!useContent && request.body() != null && !request.mediaUrls().isEmpty()) {
      creator.setMediaUrl(request.mediaUrls().stream().map(URI::create).toList());
    }
    if (statusCallback != null) {
      creator.setStatusCallback(statusCallback);
    }
    try {
      return event(creator.create(client));
    } catch (TwilioException e) {
      throw TwilioFailures.of(e);
    }
  }

  /**
   * The message an earlier attempt created, if Twilio has one: same numbers and body, created since
   * the send was first scheduled, and not claimed by another of our messages. Twilio keeps no
   * client reference on a message, so this is the idempotency data there is.
   */
  Optional<MessageStatusEvent> findCreated(
      MessageRequest request, Instant since, Predicate<String> claimedElsewhere) {
    Instant after = since.minus(CLOCK_SKEW);
    try {
      ResourceSet<Message> recent =
          Message.reader()
              .setTo(new PhoneNumber(request.to()))
              .setFrom(new PhoneNumber(request.from()))
              .limit(RECENT)
              .read(client);
      for (Message message : recent) {
        if (message.getDateCreated() != null
            && message.getDateCreated().toInstant().isBefore(after)) {
          break; // Newest first: everything further is older still.
        }
        if (Objects.equals(bodyOf(request), message.getBody())
            && !claimedElsewhere.test(message.getSid())) {
          return Optional.of(event(message));
        }
      }
      return Optional.empty();
    } catch (TwilioException e) {
      throw TwilioFailures.of(e);
    }
  }

  MessageStatusEvent fetch(String messageSid) {
    try {
      return event(Message.fetcher(messageSid).fetch(client));
    } catch (TwilioException e) {
      throw TwilioFailures.of(e);
    }
  }

  private static String bodyOf(MessageRequest request) {
    return request.body() == null ? "" : request.body();
  }

  private static MessageStatusEvent event(Message message) {
    Long at =
        message.getDateUpdated() == null
            ? null
            : message.getDateUpdated().toInstant().toEpochMilli();
    return new MessageStatusEvent(
        message.getSid(), message.getStatus().toString(), message.getErrorCode(), null, at);
  }
}

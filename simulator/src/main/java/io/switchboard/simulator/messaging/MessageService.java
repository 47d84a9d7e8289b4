package io.switchboard.simulator.messaging;

import io.switchboard.simulator.magic.MagicNumbers;
import io.switchboard.simulator.rest.Accounts;
import io.switchboard.simulator.rest.Form;
import io.switchboard.simulator.rest.Sids;
import io.switchboard.simulator.rest.TwilioApiException;
import io.switchboard.simulator.rest.TwilioDates;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** Creates and cancels messages, refusing what Twilio refuses, with Twilio's error codes. */
@Component
class MessageService {

  /** E.164, optionally behind a channel prefix such as {@code whatsapp:}. */
  private static final Pattern ADDRESS = Pattern.compile("^([a-z]+:)?\\+[1-9]\\d{6,14}$");

  private static final int MAX_BODY = 1600;

  private final MessageStore store;
  private final MessageLifecycle lifecycle;
  private final Accounts accounts;

  MessageService(MessageStore store, MessageLifecycle lifecycle, Accounts accounts) {
    this.store = store;
    this.lifecycle = lifecycle;
    this.accounts = accounts;
  }

  /**
   * Creates a message and starts its lifecycle; answers the message as it was created, before the
   * lifecycle (which may run at once when delays are zero) moves it on.
   */
  Map<String, Object> create(Form form) {
    String to = form.required("To", 21604, "A 'To' phone number is required.");
    String from = form.get("From");
    String service = form.get("MessagingServiceSid");
    if (from != null && from.startsWith("MG")) {
      // Twilio takes a Messaging Service SID in From as well.
      service = from;
      from = null;
    }
    if (from == null && service == null) {
      throw TwilioApiException.badRequest(21603, "A 'From' phone number is required.");
    }
    String body = form.get("Body");
    List<String> media = form.all("MediaUrl");
    String contentSid = form.get("ContentSid");
    if (body == null && contentSid != null) {
      // Twilio renders an approved template from the Content API; the simulator has no templates,
      // so the handset sees which template was sent and with what variables.
      String variables = form.get("ContentVariables");
      body = "[template " + contentSid + "]" + (variables == null ? "" : " " + variables);
    }
    if (body == null && media.isEmpty()) {
      throw TwilioApiException.badRequest(21602, "Message body is required.");
    }
    MagicNumbers.checkMessage(from, to);
    if (!ADDRESS.matcher(to).matches()) {
      throw TwilioApiException.badRequest(21211, "Invalid 'To' Phone Number");
    }
    if (body != null && body.length() > MAX_BODY) {
      throw TwilioApiException.badRequest(
          21617, "The concatenated message body exceeds the 1600 character limit.");
    }
    Instant sendAt = schedule(form, service);
    String status = sendAt != null ? "scheduled" : from == null ? "accepted" : "queued";
    SimMessage message =
        new SimMessage(
            Sids.next(media.isEmpty() ? "SM" : "MM"),
            from,
            to,
            body,
            media,
            service,
            form.get("StatusCallback"),
            status,
            sendAt,
            store.nextSequence());
    store.save(message);
    Map<String, Object> created = MessageJson.of(message, accounts.sid());
    lifecycle.start(message);
    return created;
  }

  /**
   * Twilio schedules only through a Messaging Service (error 35118), at a SendAt (35111) from 5
   * minutes to 35 days ahead (35114).
   */
  private static Instant schedule(Form form, String service) {
    if (!"fixed".equals(form.get("ScheduleType"))) {
      return null;
    }
    if (service == null) {
      throw TwilioApiException.badRequest(
          35118, "MessagingServiceSid is required to schedule a message");
    }
    Instant sendAt;
    try {
      sendAt = TwilioDates.parseIso(form.required("SendAt", 35111, "SendAt timestamp is missing"));
    } catch (DateTimeParseException e) {
      throw TwilioApiException.badRequest(35114, "Scheduling does not support this timestamp");
    }
    Duration ahead = Duration.between(Instant.now(), sendAt);
    if (ahead.compareTo(Duration.ofMinutes(5)) < 0 || ahead.compareTo(Duration.ofDays(35)) > 0) {
      throw TwilioApiException.badRequest(35114, "Scheduling does not support this timestamp");
    }
    return sendAt;
  }

  /**
   * Twilio only redacts (Body set to the empty string; anything else is 30400), and only a message
   * no longer in flight. For the latter Twilio documents no code of its own; 20009 is the one it
   * gives for deleting a message before it is complete.
   */
  void redact(SimMessage message, String body) {
    if (!body.isEmpty()) {
      throw TwilioApiException.badRequest(30400, "Parameters are not valid");
    }
    if (!message.redact()) {
      throw TwilioApiException.badRequest(
          20009, "Cannot redact the body of a message that is still being sent");
    }
  }

  /** Twilio cancels only scheduled messages; anything else is refused with 30409. */
  SimMessage cancel(SimMessage message) {
    if (!message.cancel()) {
      throw TwilioApiException.badRequest(30409, "This message cannot be canceled");
    }
    lifecycle.canceled(message);
    return message;
  }
}

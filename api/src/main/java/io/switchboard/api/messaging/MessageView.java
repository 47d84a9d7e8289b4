package io.switchboard.api.messaging;

import io.switchboard.messaging.MessageEventRecord;
import io.switchboard.messaging.MessageMediaRow;
import io.switchboard.messaging.MessageRecord;
import java.time.Instant;
import java.util.List;

/**
 * A message as the REST API returns it. Outbound bodies are not kept (the workflow history has
 * them); inbound ones are.
 *
 * @param id the idempotency key (outbound) or Twilio's MessageSid (inbound)
 * @param direction {@code outbound} or {@code inbound}
 * @param messageSid Twilio's MessageSid once created
 * @param channel sms, mms or whatsapp
 * @param from the sender
 * @param to the recipient
 * @param body the text of an inbound message; absent once cleared by the body retention
 * @param status the furthest status reached
 * @param errorCode Twilio's error code (21610 for a recipient who opted out)
 * @param errorMessage why it failed
 * @param encoding {@code GSM-7} or {@code UCS-2}; absent for WhatsApp
 * @param segments how many SMS segments it takes
 * @param numMedia how many media it carries
 * @param sendAt when it is scheduled to go
 * @param createdAt when it was accepted
 * @param updatedAt when its record last changed
 * @param events every status it went through, in lifecycle order (events) with late ones marked
 * @param media the media of an inbound message: what it is and whether our copy is stored
 * @param bodyErasedAt when the body retention cleared an inbound message's text
 */
public record MessageView(
    String id,
    String direction,
    String messageSid,
    String channel,
    String from,
    String to,
    String body,
    String status,
    Integer errorCode,
    String errorMessage,
    String encoding,
    Integer segments,
    int numMedia,
    Instant sendAt,
    Instant createdAt,
    Instant updatedAt,
    List<Event> events,
    List<Medium> media,
    Instant bodyErasedAt) {

  /**
   * One status.
   *
   * @param status Twilio's status
   * @param errorCode its error code, if any
   * @param source where it came from: api, callback, fetch or workflow
   * @param applied false for a status that arrived after a later one (kept as history)
   * @param occurredAt when it was learned
   */
  public record Event(
      String status, Integer errorCode, String source, boolean applied, Instant occurredAt) {}

  /**
   * One medium of an inbound message; the bytes are served decrypted at {@code url}.
   *
   * @param index its position in Twilio's webhook
   * @param contentType its MIME type, as Twilio gave it
   * @param state {@code pending}, {@code stored}, {@code refused} (its URL was not on Twilio's
   *     media hosts, so it was never fetched) or {@code failed}
   * @param sizeBytes its size, once stored
   * @param sha256 its SHA-256, hex, once stored
   * @param url where to get it from this API, once stored
   * @param reason why it was refused or failed
   * @param twilioDeletedAt when Twilio's copy was deleted
   */
  public record Medium(
      int index,
      String contentType,
      String state,
      Long sizeBytes,
      String sha256,
      String url,
      String reason,
      Instant twilioDeletedAt) {

    static Medium of(MessageMediaRow row) {
      return new Medium(
          row.index(),
          row.contentType(),
          row.state(),
          row.sizeBytes(),
          row.sha256(),
          row.stored() ? "/api/messages/" + row.messageId() + "/media/" + row.index() : null,
          row.reason(),
          row.twilioDeletedAt());
    }
  }

  static MessageView of(MessageRecord m, List<MessageEventRecord> events) {
    return of(m, events, null);
  }

  static MessageView of(
      MessageRecord m, List<MessageEventRecord> events, List<MessageMediaRow> media) {
    return new MessageView(
        m.id(),
        m.direction(),
        m.messageSid(),
        m.channel(),
        m.fromAddress(),
        m.toAddress(),
        m.body(),
        m.status(),
        m.errorCode(),
        m.errorMessage(),
        m.encoding(),
        m.segments(),
        m.numMedia(),
        m.sendAt(),
        m.createdAt(),
        m.updatedAt(),
        events == null
            ? null
            : events.stream()
                .map(
                    e ->
                        new Event(
                            e.status(), e.errorCode(), e.source(), e.applied(), e.occurredAt()))
                .toList(),
        media == null || media.isEmpty() ? null : media.stream().map(Medium::of).toList(),
        m.bodyErasedAt());
  }
}

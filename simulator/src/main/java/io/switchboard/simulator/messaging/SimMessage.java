package io.switchboard.simulator.messaging;

import java.time.Instant;
import java.util.List;

/** A simulated Message resource. Its status moves on the lifecycle's threads, hence the locks. */
final class SimMessage {

  final String sid;
  final String from;
  final String to;
  final List<String> mediaUrls;
  final String messagingServiceSid;
  final String statusCallback;
  final Instant dateCreated;
  final Instant sendAt;
  final long sequence;

  private String body;
  private String status;
  private Integer errorCode;
  private String errorMessage;
  private Instant dateUpdated;
  private Instant dateSent;

  SimMessage(
      String sid,
      String from,
      String to,
      String body,
      List<String> mediaUrls,
      String messagingServiceSid,
      String statusCallback,
      String status,
      Instant sendAt,
      long sequence) {
    this.sid = sid;
    this.from = from;
    this.to = to;
    this.body = body;
    this.mediaUrls = List.copyOf(mediaUrls);
    this.messagingServiceSid = messagingServiceSid;
    this.statusCallback = statusCallback;
    this.status = status;
    this.sendAt = sendAt;
    this.sequence = sequence;
    this.dateCreated = Instant.now();
    this.dateUpdated = dateCreated;
  }

  synchronized String body() {
    return body;
  }

  /**
   * Redacts the body, which Twilio allows once the message has left (sent, delivered, undelivered,
   * failed); tells whether it did.
   */
  synchronized boolean redact() {
    if (!java.util.Set.of("sent", "delivered", "undelivered", "failed", "received")
        .contains(status)) {
      return false;
    }
    body = "";
    dateUpdated = Instant.now();
    return true;
  }

  synchronized String status() {
    return status;
  }

  synchronized Integer errorCode() {
    return errorCode;
  }

  synchronized String errorMessage() {
    return errorMessage;
  }

  synchronized Instant dateUpdated() {
    return dateUpdated;
  }

  synchronized Instant dateSent() {
    return dateSent;
  }

  /** Moves to a status unless the message was canceled meanwhile; tells whether it moved. */
  synchronized boolean advance(String next, Integer code, String message) {
    if ("canceled".equals(status)) {
      return false;
    }
    status = next;
    dateUpdated = Instant.now();
    if ("sent".equals(next)) {
      dateSent = dateUpdated;
    }
    if (code != null) {
      errorCode = code;
      errorMessage = message;
    }
    return true;
  }

  /** Cancels a scheduled message; tells whether it was still scheduled. */
  synchronized boolean cancel() {
    if (!"scheduled".equals(status)) {
      return false;
    }
    status = "canceled";
    dateUpdated = Instant.now();
    return true;
  }
}

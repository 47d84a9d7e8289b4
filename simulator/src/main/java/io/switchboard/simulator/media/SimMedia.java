package io.switchboard.simulator.media;

import java.time.Instant;

/**
 * A piece of media Twilio keeps for a message (an inbound MMS picture): its bytes until deleted.
 */
public final class SimMedia {

  final String sid;
  final String messageSid;
  final String contentType;
  final byte[] content;
  final Instant dateCreated;
  volatile Instant dateDeleted;

  SimMedia(String sid, String messageSid, String contentType, byte[] content, Instant created) {
    this.sid = sid;
    this.messageSid = messageSid;
    this.contentType = contentType;
    this.content = content.clone();
    this.dateCreated = created;
  }

  public String sid() {
    return sid;
  }

  public String contentType() {
    return contentType;
  }

  /** A copy of the bytes, as Twilio served them. */
  public byte[] content() {
    return content.clone();
  }

  boolean deleted() {
    return dateDeleted != null;
  }
}

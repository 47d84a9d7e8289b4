package io.switchboard.messaging;

import io.switchboard.recording.media.SealedMedia;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;

/**
 * Erases an inbound message's stored media: on request through the API, or by the workflow when the
 * retention period ends. The copy goes first: a failure between the two leaves a row that says
 * stored over a missing file (a 500 on read, and a repeated erasure finishes it), never a row that
 * says erased over a file that is still there.
 */
public class MessageMediaEraser {

  private final MessageMediaRepository media;
  private final SealedMedia sealed;
  private final Clock clock;

  public MessageMediaEraser(MessageMediaRepository media, SealedMedia sealed, Clock clock) {
    this.media = media;
    this.sealed = sealed;
    this.clock = clock;
  }

  /**
   * Erases every stored medium of the message; returns how many were erased now.
   *
   * @param principal who asked, for the audit: an API key's id, or {@code retention}
   */
  public int erase(String messageId, String principal) {
    int erased = 0;
    for (MessageMediaRow row : media.ofMessage(messageId)) {
      if (!row.stored()) {
        continue;
      }
      try {
        sealed.delete(row.storageRef());
      } catch (IOException e) {
        throw new UncheckedIOException("media of " + messageId + " could not be erased", e);
      }
      if (media.erase(row.messageId(), row.index(), principal, clock.instant())) {
        erased++;
      }
    }
    return erased;
  }
}

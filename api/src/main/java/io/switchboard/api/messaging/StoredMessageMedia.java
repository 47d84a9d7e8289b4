package io.switchboard.api.messaging;

import io.switchboard.api.web.NotFoundException;
import io.switchboard.messaging.MessageMediaRepository;
import io.switchboard.messaging.MessageMediaRow;
import io.switchboard.recording.media.MediaIntegrityException;
import io.switchboard.recording.media.SealedMedia;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;

/** Reads inbound messages' stored media for the API; the workers write it. */
@Component
class StoredMessageMedia {

  private final MessageMediaRepository media;
  private final SealedMedia sealed;
  private final Clock clock;

  StoredMessageMedia(MessageMediaRepository media, SealedMedia sealed, Clock clock) {
    this.media = media;
    this.sealed = sealed;
    this.clock = clock;
  }

  List<MessageMediaRow> rows(String messageId) {
    return media.ofMessage(messageId);
  }

  MessageMediaRow stored(String messageId, int index) {
    MessageMediaRow row =
        media
            .find(messageId, index)
            .orElseThrow(
                () ->
                    new NotFoundException(
                        "Message " + messageId + " has no medium " + index + "."));
    if (!row.stored()) {
      throw new NotFoundException(
          "Medium " + index + " of message " + messageId + " is " + row.state() + ", not stored.");
    }
    return row;
  }

  /**
   * Deletes every stored copy of the message's media, then marks each erased. The copy goes first:
   * a failure between the two leaves a row that says stored over a missing file (a 500 on read, and
   * a retried erase finishes it), never a row that says erased over a file that is still there.
   */
  void erase(String messageId, String principal) {
    for (MessageMediaRow row : media.ofMessage(messageId)) {
      if (!row.stored()) {
        continue;
      }
      try {
        sealed.delete(row.storageRef());
      } catch (IOException e) {
        throw new UncheckedIOException("media of " + messageId + " could not be erased", e);
      }
      media.erase(row.messageId(), row.index(), principal, clock.instant());
    }
  }

  /** Authenticates the whole stored copy and checks it against the digest taken at download. */
  void verify(MessageMediaRow row) {
    try {
      sealed.verify(
          row.storageRef(), MessageMediaRow.context(row.messageId(), row.index()), row.sha256());
    } catch (MediaIntegrityException e) {
      throw new MessageMediaException(
          "Medium "
              + row.index()
              + " of message "
              + row.messageId()
              + " failed authentication ("
              + e.getMessage()
              + "); nothing of it was served.");
    } catch (IOException e) {
      throw new UncheckedIOException("media of " + row.messageId() + " could not be read", e);
    }
  }

  void audit(MessageMediaRow row, String principal) {
    media.audit(row.messageId(), row.index(), principal, clock.instant());
  }

  void stream(MessageMediaRow row, OutputStream out) throws IOException {
    sealed.stream(row.storageRef(), MessageMediaRow.context(row.messageId(), row.index()), out);
  }
}

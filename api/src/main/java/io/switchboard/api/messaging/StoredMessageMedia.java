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

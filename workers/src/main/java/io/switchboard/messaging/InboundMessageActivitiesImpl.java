package io.switchboard.messaging;

import com.twilio.exception.ApiException;
import com.twilio.exception.TwilioException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.message.Media;
import io.switchboard.recording.RecordingFailureType;
import io.switchboard.recording.media.MediaCipher;
import io.switchboard.recording.media.MediaIntegrityException;
import io.switchboard.recording.media.SealedMedia;
import io.switchboard.twilio.MediaRefusedException;
import io.switchboard.twilio.TwilioFailures;
import io.switchboard.twilio.TwilioMedia;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The inbound message's side effects. A medium goes from Twilio through the cipher into the store
 * in one stream, as recordings do; the message's text and numbers are read from PostgreSQL here, so
 * that they never enter a workflow history.
 */
@Component("inboundMessageActivities")
class InboundMessageActivitiesImpl implements InboundMessageActivities {

  private static final Logger log = LoggerFactory.getLogger(InboundMessageActivitiesImpl.class);

  private final MessageRepository messages;
  private final MessageMediaRepository media;
  private final TwilioMedia twilioMedia;
  private final SealedMedia sealed;
  private final TwilioRestClient twilio;
  private final InboundForwarder forwarder;
  private final Clock clock;

  InboundMessageActivitiesImpl(
      MessageRepository messages,
      MessageMediaRepository media,
      TwilioMedia twilioMedia,
      SealedMedia sealed,
      TwilioRestClient twilio,
      InboundForwarder forwarder,
      Clock clock) {
    this.messages = messages;
    this.media = media;
    this.twilioMedia = twilioMedia;
    this.sealed = sealed;
    this.twilio = twilio;
    this.forwarder = forwarder;
    this.clock = clock;
  }

  @Override
  public StoredMedia storeMedia(MediaRequest request) {
    String sid = request.messageSid();
    InboundMedia medium = request.media();
    int index = medium.index();
    String ref = MessageMediaRow.ref(sid, index);
    Optional<MessageMediaRow> existing = media.find(sid, index);
    try {
      if (existing.isPresent() && existing.get().stored() && sealed.exists(ref)) {
        MessageMediaRow row = existing.get(); // An earlier attempt got this far: done.
        return new StoredMedia(index, InboundMediaState.STORED, row.sizeBytes(), row.sha256());
      }
      if (existing.isPresent() && InboundMediaState.ERASED.value().equals(existing.get().state())) {
        return new StoredMedia(index, InboundMediaState.ERASED, 0, null); // never fetch it again
      }
      if (existing.isEmpty()) {
        media.insertPending(sid, index, medium.url(), medium.contentType(), clock.instant());
      }
      MediaCipher.Sealed copy =
          sealed.store(
              ref,
              MessageMediaRow.context(sid, index),
              () -> twilioMedia.openMessageMedia(medium.url(), sid));
      if (!media.saveStored(
          sid, index, copy.sizeBytes(), copy.sha256(), copy.keyId(), clock.instant())) {
        // Erased on request while this attempt fetched it: the copy must not outlive the request.
        sealed.delete(ref);
        log.info("media {} of message {} was erased while it was stored; copy deleted", index, sid);
        return new StoredMedia(index, InboundMediaState.ERASED, 0, null);
      }
      return new StoredMedia(index, InboundMediaState.STORED, copy.sizeBytes(), copy.sha256());
    } catch (MediaRefusedException e) {
      log.warn("media {} of message {} refused: it {}", index, sid, e.getMessage());
      media.settleUnstored(
          sid,
          index,
          InboundMediaState.REFUSED.value(),
          "MediaUrl refused: it " + e.getMessage(),
          clock.instant());
      return new StoredMedia(index, InboundMediaState.REFUSED, 0, null);
    } catch (MediaIntegrityException e) {
      throw ApplicationFailure.newNonRetryableFailure(
          "media " + index + " of " + sid + " failed verification: " + e.getMessage(),
          RecordingFailureType.MEDIA_INTEGRITY.name());
    } catch (IOException e) {
      throw new UncheckedIOException("storing media " + index + " of " + sid + " failed", e);
    }
  }

  @Override
  public void markMediaFailed(MediaFailure failure) {
    media.settleUnstored(
        failure.messageSid(),
        failure.index(),
        InboundMediaState.FAILED.value(),
        failure.reason(),
        clock.instant());
  }

  @Override
  public void deleteMediaAtTwilio(MediaRequest request) {
    String url = request.media().url();
    String mediaSid = url.substring(url.lastIndexOf('/') + 1);
    try {
      Media.deleter(request.messageSid(), mediaSid).delete(twilio);
    } catch (ApiException e) {
      if (e.getStatusCode() == null || e.getStatusCode() != 404) {
        throw TwilioFailures.of(e);
      }
    } catch (TwilioException e) {
      throw TwilioFailures.of(e);
    }
    media.markTwilioDeleted(request.messageSid(), request.media().index(), clock.instant());
  }

  @Override
  public InboundMessageOutcome.Forwarding forward(ForwardRequest request) {
    if (!forwarder.configured()) {
      return InboundMessageOutcome.Forwarding.NOT_CONFIGURED;
    }
    MessageRecord message =
        messages
            .findById(request.messageSid())
            .orElseThrow(
                () -> new IllegalStateException("message " + request.messageSid() + " not stored"));
    try {
      forwarder.forward(message, media.ofMessage(message.id()), request.idempotencyKey());
      return InboundMessageOutcome.Forwarding.DELIVERED;
    } catch (IOException e) {
      throw new UncheckedIOException("inbound message event not delivered", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}

package io.switchboard.recording;

import io.switchboard.recording.media.MediaCipher;
import io.switchboard.recording.media.MediaIntegrityException;
import io.switchboard.recording.media.RecordingStore;
import io.switchboard.recording.media.SealedMedia;
import io.switchboard.twilio.TwilioMedia;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The recording pipeline's side effects. The media goes from Twilio through the cipher into the
 * store in one stream, never whole in memory and never through Temporal.
 */
@Component("recordingActivities")
class RecordingActivitiesImpl implements RecordingActivities {

  static final String CONTENT_TYPE = "audio/wav";

  private final RecordingRepository recordings;
  private final TwilioMedia media;
  private final TwilioRecordings twilio;
  private final MediaCipher cipher;
  private final RecordingStore store;
  private final SealedMedia sealedMedia;
  private final RecordingProperties properties;
  private final ObjectProvider<Transcriber> transcriber;
  private final ReadyEventPublisher events;
  private final Clock clock;

  RecordingActivitiesImpl(
      RecordingRepository recordings,
      TwilioMedia media,
      TwilioRecordings twilio,
      MediaCipher cipher,
      RecordingStore store,
      RecordingProperties properties,
      ObjectProvider<Transcriber> transcriber,
      ReadyEventPublisher events,
      Clock clock) {
    this.recordings = recordings;
    this.media = media;
    this.twilio = twilio;
    this.cipher = cipher;
    this.store = store;
    this.sealedMedia = new SealedMedia(store, cipher);
    this.properties = properties;
    this.transcriber = transcriber;
    this.events = events;
    this.clock = clock;
  }

  @Override
  public boolean hasConsent(ConsentQuery query) {
    return query.callSid() != null && recordings.hasConsent(query.callSid());
  }

  @Override
  public StoredRecording store(StoreRequest request) {
    String id = request.recordingSid();
    Optional<RecordingRow> existing = recordings.find(id);
    try {
      if (existing.isPresent() && existing.get().stored() && store.exists(ref(id))) {
        RecordingRow row = existing.get(); // An earlier attempt got this far: done.
        return new StoredRecording(id, row.keyId(), row.sizeBytes(), row.sha256());
      }
      MediaCipher.Sealed sealed = seal(id, request.mediaUrl());
      recordings.saveStored(
          new RecordingRow(
              id,
              request.callSid(),
              "stored",
              request.durationSeconds(),
              sealed.sizeBytes(),
              sealed.sha256(),
              ref(id),
              sealed.keyId(),
              CONTENT_TYPE,
              "pending",
              null,
              null,
              null),
          clock.instant());
      if (recordings.find(id).filter(RecordingRow::stored).isEmpty()) {
        // Erased while this attempt downloaded: the copy just written must not outlive it.
        store.delete(ref(id));
      }
      return new StoredRecording(id, sealed.keyId(), sealed.sizeBytes(), sealed.sha256());
    } catch (IOException e) {
      throw new UncheckedIOException("storing recording " + id + " failed", e);
    }
  }

  /**
   * Streams the media into the store and reads it back: what is stored must be what was downloaded,
   * or the attempt fails for good.
   */
  private MediaCipher.Sealed seal(String id, String mediaUrl) throws IOException {
    try {
      return sealedMedia.store(ref(id), id, () -> media.openWav(mediaUrl));
    } catch (MediaIntegrityException e) {
      throw ApplicationFailure.newNonRetryableFailure(
          "recording " + id + " failed verification: " + e.getMessage(),
          RecordingFailureType.MEDIA_INTEGRITY.name());
    }
  }

  @Override
  public void saveTwilioTranscript(TranscriptRequest request) {
    String text = twilio.transcriptionText(request.transcriptionSid());
    recordings.saveTranscript(
        request.recordingId(), "twilio", request.transcriptionSid(), text, clock.instant());
  }

  @Override
  public TranscriptOutcome transcribeFallback(FallbackRequest request) {
    Transcriber own = transcriber.getIfAvailable();
    if (properties.fallback() == RecordingProperties.Fallback.TRANSCRIBER && own != null) {
      try (InputStream sealed = store.open(ref(request.recordingId()));
          InputStream audio = cipher.decrypt(sealed, request.recordingId())) {
        Optional<String> text = own.transcribe(audio, CONTENT_TYPE);
        if (text.isPresent()) {
          recordings.saveTranscript(
              request.recordingId(), "fallback", null, text.get(), clock.instant());
          return TranscriptOutcome.FALLBACK;
        }
      } catch (IOException e) {
        throw new UncheckedIOException("fallback transcription failed", e);
      }
    }
    recordings.setTranscriptStatus(request.recordingId(), "untranscribed", clock.instant());
    return TranscriptOutcome.UNTRANSCRIBED;
  }

  @Override
  public void deleteAtTwilio(DeleteRequest request) {
    twilio.delete(request.recordingSid());
    recordings.markTwilioDeleted(request.recordingSid(), clock.instant());
  }

  @Override
  public void emitReady(ReadyEvent event) {
    if (!events.configured()) {
      return;
    }
    try {
      events.publish(event);
    } catch (IOException e) {
      throw new UncheckedIOException("recording ready event not delivered", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  static String ref(String recordingId) {
    return recordingId + ".sbr";
  }
}

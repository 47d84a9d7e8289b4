package io.switchboard.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.switchboard.recording.RecordingActivities.FallbackRequest;
import io.switchboard.recording.RecordingActivities.StoreRequest;
import io.switchboard.recording.RecordingActivities.StoredRecording;
import io.switchboard.recording.media.FileSystemRecordingStore;
import io.switchboard.recording.media.LocalKeyProvider;
import io.switchboard.recording.media.MediaCipher;
import io.switchboard.twilio.TwilioMedia;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.ObjectProvider;

/** The activities over a real cipher and filesystem store, with Twilio and PostgreSQL mocked. */
class RecordingActivitiesImplTest {

  static final String SID = "RE00000000000000000000000000000001";
  static final String URL = "https://api.twilio.com/2010-04-01/Accounts/AC1/Recordings/" + SID;

  @TempDir Path dir;

  private final RecordingRepository repository = mock(RecordingRepository.class);
  private final TwilioMedia media = mock(TwilioMedia.class);
  private final TwilioRecordings twilio = mock(TwilioRecordings.class);
  private final MediaCipher cipher = new MediaCipher(LocalKeyProvider.parse("r1:" + key(), null));
  private final byte[] wav = wav();

  @Test
  void storesCiphertextThatOpensToTheDownloadAndARetryDoesNotDownloadAgain() throws Exception {
    RecordingActivitiesImpl activities =
        activities(RecordingProperties.Fallback.UNTRANSCRIBED, null);
    when(media.openWav(URL)).thenAnswer(i -> new ByteArrayInputStream(wav));
    rowsAreKept();

    StoredRecording stored = activities.store(new StoreRequest(SID, "CA1", URL, 2));

    byte[] onDisk = Files.readAllBytes(dir.resolve(SID + ".sbr"));
    assertThat(onDisk).isNotEqualTo(wav);
    try (InputStream in = cipher.decrypt(new ByteArrayInputStream(onDisk), SID)) {
      assertThat(in.readAllBytes()).isEqualTo(wav);
    }
    ArgumentCaptor<RecordingRow> row = ArgumentCaptor.forClass(RecordingRow.class);
    verify(repository).saveStored(row.capture(), any());
    assertThat(row.getValue().sha256()).isEqualTo(stored.sha256());
    assertThat(row.getValue().keyId()).isEqualTo("r1");

    assertThat(activities.store(new StoreRequest(SID, "CA1", URL, 2))).isEqualTo(stored);
    verify(media, times(1)).openWav(URL);
  }

  @Test
  void aCopyWrittenWhileTheRecordingWasErasedIsDeleted() {
    RecordingActivitiesImpl activities =
        activities(RecordingProperties.Fallback.UNTRANSCRIBED, null);
    when(media.openWav(URL)).thenAnswer(i -> new ByteArrayInputStream(wav));
    RecordingRow erased =
        new RecordingRow(
            SID,
            "CA1",
            "erased",
            2,
            null,
            null,
            null,
            null,
            "audio/wav",
            "erased",
            null,
            null,
            null);
    when(repository.find(SID)).thenReturn(Optional.empty(), Optional.of(erased));

    activities.store(new StoreRequest(SID, "CA1", URL, 2));

    assertThat(dir.resolve(SID + ".sbr")).doesNotExist();
  }

  /** The repository keeps what is saved, as PostgreSQL would. */
  private void rowsAreKept() {
    AtomicReference<RecordingRow> saved = new AtomicReference<>();
    doAnswer(
            invocation -> {
              saved.set(invocation.getArgument(0));
              return null;
            })
        .when(repository)
        .saveStored(any(), any());
    when(repository.find(SID)).thenAnswer(invocation -> Optional.ofNullable(saved.get()));
  }

  @Test
  void fallbackTranscriberHearsTheDecryptedAudio() throws Exception {
    byte[][] heard = new byte[1][];
    Transcriber transcriber =
        (audio, type) -> {
          heard[0] = audio.readAllBytes();
          return Optional.of("hello");
        };
    RecordingActivitiesImpl activities =
        activities(RecordingProperties.Fallback.TRANSCRIBER, transcriber);
    when(media.openWav(URL)).thenAnswer(i -> new ByteArrayInputStream(wav));
    rowsAreKept();
    activities.store(new StoreRequest(SID, "CA1", URL, 2));

    TranscriptOutcome outcome = activities.transcribeFallback(new FallbackRequest(SID, "timeout"));

    assertThat(outcome).isEqualTo(TranscriptOutcome.FALLBACK);
    assertThat(heard[0]).isEqualTo(wav);
    verify(repository).saveTranscript(eq(SID), eq("fallback"), eq(null), eq("hello"), any());
  }

  @Test
  void withoutATranscriberTheRecordingIsMarkedUntranscribed() {
    RecordingActivitiesImpl activities = activities(RecordingProperties.Fallback.TRANSCRIBER, null);

    assertThat(activities.transcribeFallback(new FallbackRequest(SID, "timeout")))
        .isEqualTo(TranscriptOutcome.UNTRANSCRIBED);
    verify(repository).setTranscriptStatus(eq(SID), eq("untranscribed"), any());
    verify(repository, never()).saveTranscript(any(), any(), any(), any(), any());
  }

  @SuppressWarnings("unchecked")
  private RecordingActivitiesImpl activities(
      RecordingProperties.Fallback fallback, Transcriber transcriber) {
    RecordingProperties properties =
        new RecordingProperties(
            Duration.ofDays(7), Duration.ofMinutes(10), fallback, dir, null, null, null, null);
    ObjectProvider<Transcriber> provider = mock(ObjectProvider.class);
    when(provider.getIfAvailable()).thenReturn(transcriber);
    return new RecordingActivitiesImpl(
        repository,
        media,
        twilio,
        cipher,
        new FileSystemRecordingStore(dir),
        properties,
        provider,
        new ReadyEventPublisher(properties, Clock.systemUTC()),
        Clock.systemUTC());
  }

  private static byte[] wav() {
    byte[] bytes = new byte[100_000];
    new Random(7).nextBytes(bytes);
    System.arraycopy("RIFF".getBytes(), 0, bytes, 0, 4);
    return bytes;
  }

  private static String key() {
    byte[] key = new byte[32];
    Arrays.fill(key, (byte) 3);
    return Base64.getEncoder().encodeToString(key);
  }
}

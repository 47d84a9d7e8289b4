package io.switchboard.simulator.recordings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.twilio.exception.ApiException;
import com.twilio.rest.api.v2010.account.Call;
import com.twilio.rest.api.v2010.account.Recording;
import com.twilio.rest.api.v2010.account.Transcription;
import com.twilio.type.PhoneNumber;
import io.switchboard.simulator.calls.SimulatorCallEffects;
import io.switchboard.simulator.testsupport.CallbackReceiver.Received;
import io.switchboard.simulator.testsupport.SimulatorTest;
import io.switchboard.simulator.voice.CallEffects.RecordingRef;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class RecordingsTest extends SimulatorTest {

  @Autowired SimulatorCallEffects effects;

  private String liveCall() {
    Call call =
        Call.creator(
                new PhoneNumber(HANDSET),
                new PhoneNumber(VALID_FROM),
                URI.create(callbackUrl("slow-voice")))
            .create(twilio);
    for (int i = 0; i < 300; i++) {
      if (Call.fetcher(call.getSid()).fetch(twilio).getStatus() == Call.Status.IN_PROGRESS) {
        return call.getSid();
      }
      sleep(10);
    }
    throw new AssertionError("call never answered");
  }

  @Test
  void startsPausesResumesAndStopsARecordingOfALiveCall() {
    String callSid = liveCall();

    var started =
        com.twilio.rest.api.v2010.account.call.Recording.creator(callSid)
            .setRecordingStatusCallback(URI.create(callbackUrl("recording")))
            .setRecordingStatusCallbackEvent(List.of("in-progress", "completed"))
            .create(twilio);
    var paused =
        com.twilio.rest.api.v2010.account.call.Recording.updater(
                callSid,
                started.getSid(),
                com.twilio.rest.api.v2010.account.call.Recording.Status.PAUSED)
            .update(twilio);
    var resumed =
        com.twilio.rest.api.v2010.account.call.Recording.updater(
                callSid,
                started.getSid(),
                com.twilio.rest.api.v2010.account.call.Recording.Status.IN_PROGRESS)
            .update(twilio);
    var stopped =
        com.twilio.rest.api.v2010.account.call.Recording.updater(
                callSid,
                started.getSid(),
                com.twilio.rest.api.v2010.account.call.Recording.Status.STOPPED)
            .update(twilio);
    List<Received> received = callbacks.awaitCount("recording", 2);

    assertThat(started.getSid()).startsWith("RE");
    assertThat(started.getStatus())
        .isEqualTo(com.twilio.rest.api.v2010.account.call.Recording.Status.IN_PROGRESS);
    assertThat(paused.getStatus())
        .isEqualTo(com.twilio.rest.api.v2010.account.call.Recording.Status.PAUSED);
    assertThat(resumed.getStatus())
        .isEqualTo(com.twilio.rest.api.v2010.account.call.Recording.Status.IN_PROGRESS);
    assertThat(stopped.getStatus())
        .isEqualTo(com.twilio.rest.api.v2010.account.call.Recording.Status.STOPPED);
    assertThat(received)
        .extracting(r -> r.get("RecordingStatus"))
        .containsExactly("in-progress", "completed");
    assertThat(received).allMatch(Received::signatureValid);
    assertThat(received.get(1).get("RecordingSid")).isEqualTo(started.getSid());
    assertThat(received.get(1).get("CallSid")).isEqualTo(callSid);
    assertThat(received.get(1).get("RecordingSource")).isEqualTo("StartCallRecordingAPI");
    assertThat(received.get(1).get("RecordingUrl")).endsWith("/Recordings/" + started.getSid());
    Recording fetched = Recording.fetcher(started.getSid()).fetch(twilio);
    assertThat(fetched.getStatus()).isEqualTo(Recording.Status.COMPLETED);
    assertThat(Integer.parseInt(fetched.getDuration())).isPositive();
    var listed = com.twilio.rest.api.v2010.account.call.Recording.reader(callSid).read(twilio);
    assertThat(listed.iterator().next().getSid()).isEqualTo(started.getSid());
  }

  @Test
  void recordingACallThatIsNotInProgressIsRefused() {
    Call call =
        Call.creator(
                new PhoneNumber(HANDSET),
                new PhoneNumber(VALID_FROM),
                URI.create(callbackUrl("voice")))
            .create(twilio);
    while (Call.fetcher(call.getSid()).fetch(twilio).getStatus() != Call.Status.COMPLETED) {
      sleep(10);
    }

    ApiException refused =
        catchThrowableOfType(
            ApiException.class,
            () ->
                com.twilio.rest.api.v2010.account.call.Recording.creator(call.getSid())
                    .create(twilio));

    assertThat(refused.getCode()).isEqualTo(21220);
  }

  @Test
  void recordVerbMakesAFetchableCompletedRecordingAndSendsItsCallback() {
    RecordingRef ref =
        effects.recordingCompleted(
            "CA0123456789abcdef0123456789abcdef", 7, callbackUrl("verb"), "POST");

    List<Received> received = callbacks.awaitCount("verb", 1);
    Recording fetched = Recording.fetcher(ref.recordingSid()).fetch(twilio);

    assertThat(ref.recordingUrl()).isEqualTo(received.get(0).get("RecordingUrl"));
    assertThat(received.get(0).signatureValid()).isTrue();
    assertThat(received.get(0).get("RecordingStatus")).isEqualTo("completed");
    assertThat(received.get(0).get("RecordingDuration")).isEqualTo("7");
    assertThat(fetched.getDuration()).isEqualTo("7");
    assertThat(fetched.getSource()).isEqualTo(Recording.Source.RECORD_VERB);
  }

  @Test
  void mediaDownloadsAsARealWavWithoutCredentials() throws Exception {
    RecordingRef ref =
        effects.recordingCompleted("CA0123456789abcdef0123456789abcdef", 2, null, null);
    String media = ref.recordingUrl().replace("https://api.twilio.com", twilioBaseUrl());

    HttpResponse<byte[]> wav = get(media + ".wav");
    HttpResponse<byte[]> bare = get(media);
    HttpResponse<byte[]> mp3 = get(media + ".mp3");

    assertThat(wav.statusCode()).isEqualTo(200);
    assertThat(wav.headers().firstValue("Content-Type")).hasValue("audio/x-wav");
    AudioFormat format =
        AudioSystem.getAudioInputStream(new ByteArrayInputStream(wav.body())).getFormat();
    assertThat(format.getSampleRate()).isEqualTo(8000f);
    assertThat(format.getSampleSizeInBits()).isEqualTo(16);
    assertThat(format.getChannels()).isEqualTo(1);
    assertThat(bare.body()).isEqualTo(wav.body());
    assertThat(mp3.statusCode()).isEqualTo(415);
  }

  @Test
  void deletedRecordingIsNotFound() {
    RecordingRef ref =
        effects.recordingCompleted("CA0123456789abcdef0123456789abcdef", 1, null, null);

    boolean deleted = Recording.deleter(ref.recordingSid()).delete(twilio);
    ApiException refused =
        catchThrowableOfType(
            ApiException.class, () -> Recording.fetcher(ref.recordingSid()).fetch(twilio));

    assertThat(deleted).isTrue();
    assertThat(refused.getCode()).isEqualTo(20404);
  }

  @Test
  void recordedCallCompletesItsRecordingWhenTheCallEnds() {
    Call.creator(
            new PhoneNumber(HANDSET), new PhoneNumber(VALID_FROM), URI.create(callbackUrl("voice")))
        .setRecord(true)
        .setRecordingStatusCallback(callbackUrl("call-recording"))
        .create(twilio);

    List<Received> received = callbacks.awaitCount("call-recording", 1);

    assertThat(received.get(0).get("RecordingStatus")).isEqualTo("completed");
    assertThat(received.get(0).get("RecordingSource")).isEqualTo("OutboundAPI");
  }

  @Test
  void transcriptionCanBeFetchedAndItsCallbackIsSigned() throws Exception {
    RecordingRef ref =
        effects.recordingCompleted("CA0123456789abcdef0123456789abcdef", 3, null, null);
    var created =
        send(
            "POST",
            "/simulator/api/recordings/" + ref.recordingSid() + "/transcriptions",
            "{\"text\":\"call me back\",\"transcribeCallback\":\""
                + callbackUrl("transcription")
                + "\"}");
    String sid = created.body().replaceAll(".*\"sid\":\"(TR[0-9a-f]{32})\".*", "$1");

    Transcription fetched = Transcription.fetcher(sid).fetch(twilio);
    List<Received> received = callbacks.awaitCount("transcription", 1);

    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(fetched.getTranscriptionText()).isEqualTo("call me back");
    assertThat(fetched.getRecordingSid()).isEqualTo(ref.recordingSid());
    assertThat(fetched.getStatus()).isEqualTo(Transcription.Status.COMPLETED);
    assertThat(received.get(0).signatureValid()).isTrue();
    assertThat(received.get(0).get("TranscriptionText")).isEqualTo("call me back");
    assertThat(received.get(0).get("TranscriptionSid")).isEqualTo(sid);
  }

  private static HttpResponse<byte[]> get(String url) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(url)).build(),
            HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void perNumberCallbackFaultsReachTheRecordingsOfThatNumbersCalls() throws Exception {
    send(
        "POST",
        "/simulator/api/faults",
        "{\"type\":\"DUPLICATE_CALLBACKS\",\"number\":\"" + HANDSET + "\"}");
    Call.creator(
            new PhoneNumber(HANDSET), new PhoneNumber(VALID_FROM), URI.create(callbackUrl("voice")))
        .setRecord(true)
        .setRecordingStatusCallback(callbackUrl("twice"))
        .create(twilio);

    List<Received> received = callbacks.awaitCount("twice", 2);

    assertThat(received).hasSize(2);
    assertThat(received.get(0).idempotencyToken()).isEqualTo(received.get(1).idempotencyToken());
  }
}

package io.switchboard.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.common.SwitchboardSearchAttributes;
import io.switchboard.config.SwitchboardProperties;
import io.switchboard.recording.RecordingOutcome;
import io.switchboard.recording.RecordingRepository;
import io.switchboard.recording.RecordingWorkflowIds;
import io.switchboard.recording.media.MediaCipher;
import io.switchboard.recording.media.RecordingStore;
import io.switchboard.simulator.recordings.RecordingService;
import io.switchboard.simulator.webhook.TwilioSignatures;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The recording pipeline end to end over real HTTP: the simulator makes a recording and posts its
 * signed RecordingStatusCallback to the ingress, the pipeline downloads the simulator's WAV,
 * encrypts and stores it, takes the transcription callback, and deletes Twilio's copy after a short
 * retention delay; the API serves it back. Retention and the transcription wait are seconds here;
 * the workflow tests skip through the real durations.
 */
@SpringBootTest(
    classes = PlatformApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "switchboard.embedded.enabled=true",
      "switchboard.embedded.persistent=false",
      "switchboard.embedded.temporal.port=0",
      "switchboard.embedded.temporal.ui-port=0",
      "switchboard.embedded.temporal.mode=in-memory",
      "switchboard.embedded.data-dir=target/it-data/recordings",
      "switchboard.api-key=" + RecordingPlatformIT.API_KEY,
      "switchboard.recordings.retention=3s",
      "switchboard.recordings.transcription-timeout=4s",
      // A transcription callback that overtakes its recording's dispatch is left to the relay,
      // which waits this long for the request thread; the default 10 s outlasts the 4 s wait.
      "switchboard.inbox.hold=500ms"
    })
@ActiveProfiles({"api", "worker", "simulator"})
class RecordingPlatformIT {

  static final String API_KEY = "sb_it_recordings_admin";

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @LocalServerPort int port;
  @Autowired SwitchboardProperties properties;
  @Autowired WorkflowClient workflows;
  @Autowired RecordingService simulatorRecordings;
  @Autowired RecordingStore store;
  @Autowired MediaCipher cipher;
  @Autowired RecordingRepository recordings;
  @Autowired JdbcClient jdbc;

  @Test
  void recordingIsStoredEncryptedTranscribedServedAndDeletedAtTwilioAfterRetention()
      throws Exception {
    String callSid = consentedCall();
    String sid = record(callSid);
    byte[] wav = twilioMedia(sid);
    transcribe(sid, "Please call me back about the invoice.");

    String body =
        await(
            () -> api("GET", "/api/recordings/" + callSid),
            "\"source\":\"twilio\"",
            () -> api("GET", "/api/webhook-events?sid=" + sid));
    assertThat(body).contains("Please call me back about the invoice.", "\"keyId\":\"rec1\"");
    byte[] sealedTranscript =
        jdbc.sql("SELECT sealed FROM transcripts WHERE recording_id = :id AND text IS NULL")
            .param("id", sid)
            .query(byte[].class)
            .single();
    assertThat(new String(sealedTranscript, StandardCharsets.ISO_8859_1))
        .as("the transcript is ciphertext at rest")
        .doesNotContain("invoice");
    byte[] sealed = read(sid);
    assertThat(sealed).isNotEqualTo(wav);
    assertThat(Arrays.copyOf(sealed, 4)).isNotEqualTo("RIFF".getBytes(StandardCharsets.US_ASCII));
    try (InputStream in = cipher.decrypt(store.open(sid + ".sbr"), sid)) {
      assertThat(in.readAllBytes()).isEqualTo(wav);
    }
    HttpResponse<byte[]> media = media(sid);
    assertThat(media.statusCode()).isEqualTo(200);
    assertThat(media.body()).isEqualTo(wav);
    assertThat(recordings.auditCount(sid, "media")).isEqualTo(1);

    await(() -> api("GET", "/api/recordings/" + callSid), "\"twilioDeletedAt\"");
    assertThat(twilioRecordingStatus(sid)).isEqualTo(404);
    assertThat(outcome(sid)).isEqualTo(RecordingOutcome.COMPLETED);
    assertThat(
            workflows
                .newUntypedWorkflowStub(RecordingWorkflowIds.recording(sid))
                .describe()
                .getTypedSearchAttributes()
                .get(SwitchboardSearchAttributes.RECORDING_SID))
        .isEqualTo(sid);
  }

  @Test
  void transcriptionTimeoutMarksUntranscribedAndErasureRemovesEverything() throws Exception {
    String callSid = consentedCall();
    String sid = record(callSid);

    await(() -> api("GET", "/api/recordings/" + callSid), "\"transcriptStatus\":\"untranscribed\"");
    HttpResponse<String> erased = send("DELETE", "/api/recordings/" + sid);

    assertThat(erased.statusCode()).isEqualTo(204);
    assertThat(store.exists(sid + ".sbr")).isFalse();
    assertThat(api("GET", "/api/recordings/" + callSid))
        .contains("\"status\":\"erased\"", "\"transcripts\":[]");
    assertThat(media(sid).statusCode()).isEqualTo(404);
    assertThat(recordings.auditCount(sid, "erase")).isEqualTo(1);
  }

  @Test
  void withoutConsentTheRecordingIsDeletedAtTwilioAndNotStored() throws Exception {
    String callSid = newCallSid();
    String sid = record(callSid);

    assertThat(outcome(sid)).isEqualTo(RecordingOutcome.REFUSED_NO_CONSENT);
    assertThat(twilioRecordingStatus(sid)).isEqualTo(404);
    assertThat(store.exists(sid + ".sbr")).isFalse();
    assertThat(send("GET", "/api/recordings/" + callSid).statusCode()).isEqualTo(404);
  }

  @Test
  void foreignRecordingUrlHostIsRefusedAndNothingIsFetchedOrStored() throws Exception {
    String callSid = consentedCall();
    String sid = "RE" + UUID.randomUUID().toString().replace("-", "");
    Map<String, String> params = new LinkedHashMap<>();
    params.put("AccountSid", properties.twilio().accountSid());
    params.put("CallSid", callSid);
    params.put("RecordingSid", sid);
    params.put("RecordingUrl", "https://169.254.169.254/latest/meta-data/" + sid);
    params.put("RecordingStatus", "completed");
    params.put("RecordingDuration", "2");

    HttpResponse<String> accepted = postWebhook("/webhooks/recording", params);

    assertThat(accepted.statusCode()).isEqualTo(200);
    assertThatThrownBy(() -> outcome(sid))
        .isInstanceOf(WorkflowFailedException.class)
        .rootCause()
        .hasMessageContaining("RecordingUrl refused");
    assertThat(store.exists(sid + ".sbr")).isFalse();
  }

  @Test
  void tamperedStoredMediaIsRefusedWithAClearProblem() throws Exception {
    String callSid = consentedCall();
    String sid = record(callSid);
    await(() -> api("GET", "/api/recordings/" + callSid), "\"status\":\"stored\"");
    byte[] sealed = read(sid);
    sealed[sealed.length - 20] ^= 0x01;
    store.put(sid + ".sbr", out -> out.write(sealed));

    HttpResponse<byte[]> media = media(sid);

    assertThat(media.statusCode()).isEqualTo(500);
    String problem = new String(media.body(), StandardCharsets.UTF_8);
    assertThat(problem).contains("recording-integrity", "failed authentication");
    assertThat(recordings.auditCount(sid, "media")).isZero();
  }

  @Test
  void tamperedSealedTranscriptIsRefusedWithAClearProblem() throws Exception {
    String callSid = consentedCall();
    String sid = record(callSid);
    transcribe(sid, "Meet me at the usual place.");
    await(() -> api("GET", "/api/recordings/" + callSid), "\"source\":\"twilio\"");
    jdbc.sql(
            """
            UPDATE transcripts
               SET sealed = set_byte(sealed, length(sealed) - 5,
                                     get_byte(sealed, length(sealed) - 5) # 1)
             WHERE recording_id = :id
            """)
        .param("id", sid)
        .update();

    HttpResponse<String> answer = send("GET", "/api/recordings/" + callSid);

    assertThat(answer.statusCode()).isEqualTo(500);
    assertThat(answer.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(answer.body())
        .contains("recording-integrity", "transcript failed authentication")
        .doesNotContain("Meet me at the usual place");
  }

  private String consentedCall() throws Exception {
    String callSid = newCallSid();
    HttpResponse<String> consent =
        send("PUT", "/api/recordings/consents/" + callSid, "{\"granted\":true}");
    assertThat(consent.statusCode()).as(consent.body()).isEqualTo(204);
    return callSid;
  }

  /** The simulator records 2 s of the call and posts its signed callback to our ingress. */
  private String record(String callSid) {
    return simulatorRecordings
        .recorded(callSid, 2, local("/webhooks/recording"), "POST")
        .recordingSid();
  }

  private void transcribe(String sid, String text) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(local("/simulator/api/recordings/" + sid + "/transcriptions")))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"text\":\""
                            + text
                            + "\",\"transcribeCallback\":\""
                            + local("/webhooks/transcription")
                            + "\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
  }

  private byte[] twilioMedia(String sid) throws Exception {
    HttpResponse<byte[]> response =
        http.send(
            twilio("/Recordings/" + sid + ".wav").GET().build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }

  private int twilioRecordingStatus(String sid) throws Exception {
    return http.send(
            twilio("/Recordings/" + sid + ".json").GET().build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private HttpRequest.Builder twilio(String path) {
    String account = properties.twilio().accountSid();
    String basic = account + ":" + properties.twilio().authToken();
    return HttpRequest.newBuilder(
            URI.create(local("/simulator/twilio/2010-04-01/Accounts/" + account + path)))
        .header(
            "Authorization",
            "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
  }

  private RecordingOutcome outcome(String sid) throws Exception {
    return workflows
        .newUntypedWorkflowStub(RecordingWorkflowIds.recording(awaitStarted(sid)))
        .getResult(20, java.util.concurrent.TimeUnit.SECONDS, RecordingOutcome.class);
  }

  /** The relay may start the pipeline a moment after the webhook is answered. */
  private String awaitStarted(String sid) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        workflows.newUntypedWorkflowStub(RecordingWorkflowIds.recording(sid)).describe();
        return sid;
      } catch (RuntimeException e) {
        sleep();
      }
    }
    return sid;
  }

  private byte[] read(String sid) throws Exception {
    try (InputStream in = store.open(sid + ".sbr")) {
      return in.readAllBytes();
    }
  }

  private HttpResponse<byte[]> media(String sid) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(local("/api/recordings/" + sid + "/media")))
            .header("Authorization", "Bearer " + API_KEY)
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  private String api(String method, String path) throws Exception {
    return send(method, path).body();
  }

  private HttpResponse<String> send(String method, String path) throws Exception {
    return send(method, path, null);
  }

  private HttpResponse<String> send(String method, String path, String json) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(local(path)))
            .header("Authorization", "Bearer " + API_KEY);
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    request.method(
        method,
        json == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> postWebhook(String path, Map<String, String> params)
      throws Exception {
    String form =
        params.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return http.send(
        HttpRequest.newBuilder(URI.create(local(path)))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header(
                "X-Twilio-Signature",
                TwilioSignatures.sign(properties.twilio().authToken(), local(path), params))
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String await(Callable<String> read, String expected) throws Exception {
    return await(read, expected, () -> "");
  }

  private static String await(Callable<String> read, String expected, Callable<String> context)
      throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    String body = "";
    while (System.nanoTime() < deadline) {
      body = read.call();
      if (body.contains(expected)) {
        return body;
      }
      sleep();
    }
    throw new AssertionError("never saw " + expected + " in " + body + " " + context.call());
  }

  private static void sleep() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private String local(String path) {
    return "http://localhost:" + port + path;
  }

  static String newCallSid() {
    return "CA" + UUID.randomUUID().toString().replace("-", "");
  }
}

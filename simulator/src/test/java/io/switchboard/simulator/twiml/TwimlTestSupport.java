package io.switchboard.simulator.twiml;

import io.switchboard.simulator.voice.CallContext;
import io.switchboard.simulator.voice.CallEffects;
import io.switchboard.simulator.voice.CallTranscript;
import io.switchboard.simulator.voice.CallerScript;
import io.switchboard.simulator.voice.TranscriptEntry;
import io.switchboard.simulator.webhook.SignedWebhookClient;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Shared set-up: a fake application, the runner signing with the same token, recorded effects. */
abstract class TwimlTestSupport {

  static final String ACCOUNT_SID = "AC" + "0".repeat(32);
  static final String AUTH_TOKEN = "12345678901234567890123456789012";
  static final String CALLER = "+15005550006";
  static final String OUR_NUMBER = "+15551230000";

  FakeTwilioApp app;
  TwimlCallFlowRunner runner;
  RecordingEffects effects;

  @BeforeEach
  void startApp() throws Exception {
    app = new FakeTwilioApp(AUTH_TOKEN);
    runner = new TwimlCallFlowRunner(new SignedWebhookClient(AUTH_TOKEN));
    effects = new RecordingEffects();
  }

  @AfterEach
  void stopApp() {
    app.close();
  }

  CallContext inbound(String path) {
    return new CallContext(
        "CA" + "1".repeat(32),
        ACCOUNT_SID,
        CALLER,
        OUR_NUMBER,
        "inbound",
        app.url(path),
        "POST",
        null,
        null,
        null,
        null);
  }

  CallContext withFallback(CallContext call, String fallbackPath) {
    return new CallContext(
        call.callSid(),
        call.accountSid(),
        call.from(),
        call.to(),
        call.direction(),
        call.url(),
        call.method(),
        call.twiml(),
        app.url(fallbackPath),
        "POST",
        call.answeredBy());
  }

  CallTranscript call(String path, String... inputs) {
    return runner.run(inbound(path), new CallerScript(List.of(inputs), 0), effects);
  }

  static List<String> kinds(CallTranscript transcript) {
    return transcript.entries().stream().map(TranscriptEntry::kind).toList();
  }

  static String descriptions(CallTranscript transcript) {
    return String.join(
        "\n", transcript.entries().stream().map(TranscriptEntry::description).toList());
  }

  /** Effects that remember what the executor asked of the rest of the simulator. */
  static final class RecordingEffects implements CallEffects {
    final List<String> recordings = new CopyOnWriteArrayList<>();
    final List<String> ended = new CopyOnWriteArrayList<>();

    @Override
    public RecordingRef recordingCompleted(
        String callSid, int durationSeconds, String callback, String method) {
      String sid = "RE" + "2".repeat(32);
      recordings.add(durationSeconds + "|" + callback + "|" + method);
      return new RecordingRef(sid, "https://api.twilio.com/2010-04-01/Recordings/" + sid);
    }

    @Override
    public void callEnded(String callSid, String status, int durationSeconds) {
      ended.add(status + "|" + durationSeconds);
    }
  }
}

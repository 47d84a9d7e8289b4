package io.switchboard.simulator.twiml;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.simulator.voice.CallContext;
import io.switchboard.simulator.voice.CallTranscript;
import io.switchboard.simulator.voice.CallerScript;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class TwimlErrorsTest extends TwimlTestSupport {

  private CallTranscript callWithFallback(String path) {
    return runner.run(withFallback(inbound(path), "/fallback"), CallerScript.silent(), effects);
  }

  @Test
  void invalidTwimlWithoutFallbackFailsTheCallWith12100() {
    app.route(
        "/broken", params -> FakeTwilioApp.Answer.twiml("<Response><Say>unclosed</Response>"));

    CallTranscript transcript = call("/broken");

    assertThat(transcript.endStatus()).isEqualTo("failed");
    assertThat(transcript.errorCode()).isEqualTo(12100);
    assertThat(kinds(transcript)).contains("error");
    assertThat(effects.ended).containsExactly("failed|0");
  }

  @Test
  void aRootOtherThanResponseIs12102() {
    app.route("/wrong-root", params -> FakeTwilioApp.Answer.twiml("<Reply><Say>x</Say></Reply>"));

    assertThat(call("/wrong-root").errorCode()).isEqualTo(12102);
  }

  @Test
  void aBlankLineBeforeTheXmlDeclarationIsAParseFailureAsTwilioWarns() {
    app.route(
        "/blank",
        params -> FakeTwilioApp.Answer.twiml("\n" + FakeTwilioApp.response("<Say>x</Say>")));

    assertThat(call("/blank").errorCode()).isEqualTo(12100);
  }

  @Test
  void doctypeAndExternalEntitiesAreRefused() {
    app.route(
        "/xxe",
        params ->
            FakeTwilioApp.Answer.twiml(
                "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                    + "<Response><Say>&x;</Say></Response>"));

    CallTranscript transcript = call("/xxe");

    assertThat(transcript.errorCode()).isEqualTo(12100);
    assertThat(descriptions(transcript)).doesNotContain("root:");
  }

  @Test
  void invalidTwimlWithFallbackPostsErrorCodeAndErrorUrlAndRunsTheFallback() {
    app.route("/broken", params -> FakeTwilioApp.Answer.twiml("not xml"))
        .twiml("/fallback", "<Say>Sorry, something went wrong</Say>");

    CallTranscript transcript = callWithFallback("/broken");

    FakeTwilioApp.Received fallback = app.last("/fallback");
    assertThat(fallback.signatureValid()).isTrue();
    assertThat(fallback.params())
        .containsEntry("ErrorCode", "12100")
        .containsEntry("ErrorUrl", app.url("/broken"))
        .containsEntry("CallSid", "CA" + "1".repeat(32));
    assertThat(descriptions(transcript)).contains("Sorry, something went wrong");
    assertThat(transcript.endStatus()).isEqualTo("completed");
    assertThat(transcript.errorCode()).isNull();
  }

  @Test
  void http500FromTheAppIs11200AndFailsTheCall() {
    app.route("/crash", params -> new FakeTwilioApp.Answer(500, "text/plain", "boom"));

    CallTranscript transcript = call("/crash");

    assertThat(transcript.endStatus()).isEqualTo("failed");
    assertThat(transcript.errorCode()).isEqualTo(11200);
    assertThat(transcript.entries().get(0).httpStatus()).isEqualTo(500);
  }

  @Test
  void http500OnAnActionUrlUsesTheFallbackWith11200() {
    app.twiml("/menu", "<Gather numDigits=\"1\" action=\"/crash\"/>")
        .route("/crash", params -> new FakeTwilioApp.Answer(500, "text/plain", "boom"))
        .twiml("/fallback", "<Say>Fallback speaking</Say>");

    CallTranscript transcript =
        runner.run(
            withFallback(inbound("/menu"), "/fallback"),
            new CallerScript(java.util.List.of("1"), 0),
            effects);

    assertThat(app.last("/fallback").params())
        .containsEntry("ErrorCode", "11200")
        .containsEntry("ErrorUrl", app.url("/crash"))
        .containsEntry("Digits", "1");
    assertThat(descriptions(transcript)).contains("Fallback speaking");
  }

  @Test
  void failingFallbackFailsTheCall() {
    app.route("/crash", params -> new FakeTwilioApp.Answer(503, "text/plain", ""))
        .route("/fallback", params -> FakeTwilioApp.Answer.twiml("<oops"));

    CallTranscript transcript = callWithFallback("/crash");

    assertThat(transcript.endStatus()).isEqualTo("failed");
    assertThat(transcript.errorCode()).isEqualTo(12100);
  }

  @Test
  void unreachableAppIs11200() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    CallContext call =
        new CallContext(
            "CA" + "6".repeat(32),
            ACCOUNT_SID,
            CALLER,
            OUR_NUMBER,
            "inbound",
            "http://127.0.0.1:" + closedPort + "/voice",
            "POST",
            null,
            null,
            null,
            null);

    CallTranscript transcript = runner.run(call, CallerScript.silent(), effects);

    assertThat(transcript.errorCode()).isEqualTo(11200);
    assertThat(transcript.entries().get(0).httpStatus()).isZero();
  }

  @Test
  void unknownVerbsAreSkippedWithASchemaWarning() {
    app.twiml("/voice", "<Dance/><Say>Still here</Say>");

    CallTranscript transcript = call("/voice");

    assertThat(descriptions(transcript)).contains("12200").contains("Still here");
    assertThat(transcript.endStatus()).isEqualTo("completed");
  }
}

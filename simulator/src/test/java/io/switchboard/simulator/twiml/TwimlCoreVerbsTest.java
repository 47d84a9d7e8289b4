package io.switchboard.simulator.twiml;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.simulator.voice.CallContext;
import io.switchboard.simulator.voice.CallTranscript;
import io.switchboard.simulator.voice.CallerScript;
import io.switchboard.simulator.voice.TranscriptEntry;
import java.util.List;
import org.junit.jupiter.api.Test;

class TwimlCoreVerbsTest extends TwimlTestSupport {

  @Test
  void firstRequestCarriesTwiliosSignedVoiceParameters() {
    app.twiml("/voice", "<Say>Hello</Say>");

    call("/voice");

    FakeTwilioApp.Received request = app.last("/voice");
    assertThat(request.signatureValid()).isTrue();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.params())
        .containsEntry("CallSid", "CA" + "1".repeat(32))
        .containsEntry("AccountSid", ACCOUNT_SID)
        .containsEntry("From", CALLER)
        .containsEntry("To", OUR_NUMBER)
        .containsEntry("Caller", CALLER)
        .containsEntry("Called", OUR_NUMBER)
        .containsEntry("CallStatus", "ringing")
        .containsEntry("Direction", "inbound")
        .containsEntry("ApiVersion", "2010-04-01")
        .containsEntry("FromCountry", "US")
        .doesNotContainKey("AnsweredBy");
  }

  @Test
  void outboundCallSendsAnsweredByWhenMachineDetectionRan() {
    app.twiml("/outbound", "<Hangup/>");
    CallContext call =
        new CallContext(
            "CA" + "3".repeat(32),
            ACCOUNT_SID,
            OUR_NUMBER,
            CALLER,
            "outbound-api",
            app.url("/outbound"),
            "GET",
            null,
            null,
            null,
            "machine_start");

    runner.run(call, CallerScript.silent(), effects);

    FakeTwilioApp.Received request = app.last("/outbound");
    assertThat(request.method()).isEqualTo("GET");
    assertThat(request.signatureValid()).isTrue();
    assertThat(request.params())
        .containsEntry("AnsweredBy", "machine_start")
        .containsEntry("CallStatus", "in-progress");
  }

  @Test
  void saysPlaysAndPausesThenEndOfDocumentCompletesTheCall() {
    app.twiml(
        "/voice",
        "<Say voice=\"alice\">Welcome to Switchboard</Say><Play>https://x.test/a.mp3</Play>"
            + "<Pause length=\"3\"/>");

    CallTranscript transcript = call("/voice");

    assertThat(kinds(transcript)).containsSubsequence("request", "say", "play", "pause", "end");
    assertThat(descriptions(transcript))
        .contains("Says \"Welcome to Switchboard\" (alice)")
        .contains("Plays audio https://x.test/a.mp3")
        .contains("Waits 3 s");
    assertThat(transcript.endStatus()).isEqualTo("completed");
    assertThat(transcript.errorCode()).isNull();
    assertThat(transcript.durationSeconds()).isGreaterThanOrEqualTo(3 + 5);
    assertThat(effects.ended).containsExactly("completed|" + transcript.durationSeconds());
  }

  @Test
  void hangupEndsTheCallAndSkipsTheRest() {
    app.twiml("/voice", "<Say>Bye</Say><Hangup/><Say>never heard</Say>");

    CallTranscript transcript = call("/voice");

    assertThat(transcript.endStatus()).isEqualTo("completed");
    assertThat(descriptions(transcript)).doesNotContain("never heard");
  }

  @Test
  void redirectFetchesTheNextDocumentWithMethodAndRelativeUrlResolved() {
    app.twiml("/voice/start", "<Redirect>next?step=2</Redirect><Say>unreachable</Say>")
        .twiml("/voice/next", "<Say>Second document</Say>")
        .twiml("/other", "<Redirect method=\"GET\">/voice/next</Redirect>");

    CallTranscript transcript = call("/voice/start");

    FakeTwilioApp.Received second = app.last("/voice/next");
    assertThat(second.method()).isEqualTo("POST");
    assertThat(second.params())
        .containsEntry("step", "2")
        .containsEntry("CallStatus", "in-progress");
    assertThat(second.signatureValid()).isTrue();
    assertThat(descriptions(transcript)).contains("Second document").doesNotContain("unreachable");

    call("/other");
    assertThat(app.last("/voice/next").method()).isEqualTo("GET");
  }

  @Test
  void transcriptRecordsEachRequestWithParametersStatusBodyAndTiming() {
    app.twiml("/voice", "<Say>Hi</Say>");

    CallTranscript transcript = call("/voice");

    TranscriptEntry request = transcript.entries().get(0);
    assertThat(request.kind()).isEqualTo("request");
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.url()).isEqualTo(app.url("/voice"));
    assertThat(request.httpStatus()).isEqualTo(200);
    assertThat(request.body()).contains("<Say>Hi</Say>");
    assertThat(request.parameters()).containsEntry("CallStatus", "ringing");
    assertThat(request.elapsedMillis()).isGreaterThanOrEqualTo(0);
    assertThat(request.at()).isNotNull();
  }

  @Test
  void redirectLoopIsCutOffByTheDocumentLimit() {
    app.twiml("/loop", "<Redirect>/loop</Redirect>");

    CallTranscript transcript = call("/loop");

    assertThat(app.received()).hasSize(TwimlCallFlowRunner.MAX_DOCUMENTS);
    assertThat(transcript.endStatus()).isEqualTo("completed");
    assertThat(descriptions(transcript)).contains("limit of " + TwimlCallFlowRunner.MAX_DOCUMENTS);
  }

  @Test
  void callerHangsUpAfterTheScriptedNumberOfTurns() {
    app.twiml("/one", "<Redirect>/two</Redirect>").twiml("/two", "<Say>two</Say>");

    CallTranscript transcript =
        runner.run(inbound("/one"), new CallerScript(List.of(), 1), effects);

    assertThat(app.received()).hasSize(1);
    assertThat(transcript.endStatus()).isEqualTo("completed");
    assertThat(kinds(transcript)).contains("hangup");
  }

  @Test
  void inlineTwimlRunsWithoutAnyRequest() {
    CallContext call =
        new CallContext(
            "CA" + "4".repeat(32),
            ACCOUNT_SID,
            OUR_NUMBER,
            CALLER,
            "outbound-api",
            null,
            null,
            "<Response><Say>Inline</Say></Response>",
            null,
            null,
            null);

    CallTranscript transcript = runner.run(call, CallerScript.silent(), effects);

    assertThat(app.received()).isEmpty();
    assertThat(descriptions(transcript)).contains("Inline");
    assertThat(transcript.endStatus()).isEqualTo("completed");
  }
}

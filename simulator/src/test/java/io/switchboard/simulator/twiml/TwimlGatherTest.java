package io.switchboard.simulator.twiml;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.simulator.voice.CallTranscript;
import org.junit.jupiter.api.Test;

class TwimlGatherTest extends TwimlTestSupport {

  private static final String MENU =
      "<Gather numDigits=\"1\" action=\"/menu/choice\"><Say>Press 1 for sales</Say></Gather>"
          + "<Say>We did not hear you</Say>";

  @Test
  void digitsArePostedToTheActionAndTheRestOfTheDocumentIsSkipped() {
    app.twiml("/menu", MENU).twiml("/menu/choice", "<Say>Sales</Say>");

    CallTranscript transcript = call("/menu", "1");

    FakeTwilioApp.Received choice = app.last("/menu/choice");
    assertThat(choice.method()).isEqualTo("POST");
    assertThat(choice.signatureValid()).isTrue();
    assertThat(choice.params())
        .containsEntry("Digits", "1")
        .containsEntry("CallStatus", "in-progress");
    assertThat(descriptions(transcript))
        .contains("Press 1 for sales")
        .contains("presses 1")
        .doesNotContain("We did not hear you");
  }

  @Test
  void numDigitsCutsTheInputShort() {
    app.twiml("/menu", MENU).twiml("/menu/choice", "");

    call("/menu", "42");

    assertThat(app.last("/menu/choice").params()).containsEntry("Digits", "4");
  }

  @Test
  void finishOnKeyEndsTheInputAndIsNotSent() {
    app.twiml("/pin", "<Gather action=\"/pin/check\" method=\"GET\"/>").twiml("/pin/check", "");

    call("/pin", "1234#99");

    FakeTwilioApp.Received check = app.last("/pin/check");
    assertThat(check.method()).isEqualTo("GET");
    assertThat(check.signatureValid()).isTrue();
    assertThat(check.params()).containsEntry("Digits", "1234").containsEntry("FinishedOnKey", "#");
  }

  @Test
  void customFinishOnKeyAndEmptyFinishOnKeyAreHonoured() {
    app.twiml("/star", "<Gather finishOnKey=\"*\" action=\"/done\"/>")
        .twiml("/none", "<Gather finishOnKey=\"\" action=\"/done\"/>")
        .twiml("/done", "");

    call("/star", "12*3");
    assertThat(app.last("/done").params()).containsEntry("Digits", "12");

    call("/none", "12#3");
    assertThat(app.last("/done").params()).containsEntry("Digits", "12#3");
  }

  @Test
  void noInputFallsThroughToTheNextVerbAfterTheTimeout() {
    app.twiml("/menu", MENU.replace("numDigits", "timeout=\"7\" numDigits"));

    CallTranscript transcript = call("/menu");

    assertThat(app.received()).hasSize(1);
    assertThat(descriptions(transcript))
        .contains("No input after 7 s: continues with the next verb")
        .contains("We did not hear you");
    assertThat(transcript.durationSeconds()).isGreaterThanOrEqualTo(7);
    assertThat(transcript.endStatus()).isEqualTo("completed");
  }

  @Test
  void pressingOnlyTheFinishKeyCountsAsNoInput() {
    app.twiml("/menu", MENU.replace("numDigits=\"1\" ", ""));

    CallTranscript transcript = call("/menu", "#");

    assertThat(app.received()).hasSize(1);
    assertThat(descriptions(transcript)).contains("We did not hear you");
  }

  @Test
  void actionOnEmptyResultRequestsTheActionWithoutInput() {
    app.twiml("/menu", MENU.replace("<Gather ", "<Gather actionOnEmptyResult=\"true\" "))
        .twiml("/menu/choice", "<Say>Try again</Say>");

    CallTranscript transcript = call("/menu", "");

    assertThat(app.last("/menu/choice").params()).containsEntry("Digits", "");
    assertThat(descriptions(transcript)).contains("Try again").doesNotContain("We did not hear");
  }

  @Test
  void speechIsSentAsSpeechResultWithConfidence() {
    app.twiml(
            "/ask",
            "<Gather input=\"speech\" action=\"heard\"><Say>How can we help?</Say></Gather>")
        .twiml("/heard", "");

    call("/ask", "speech:I want to pay my bill");

    assertThat(app.last("/heard").params())
        .containsEntry("SpeechResult", "I want to pay my bill")
        .containsEntry("Confidence", GatherVerb.SPEECH_CONFIDENCE)
        .doesNotContainKey("Digits");
  }

  @Test
  void inputOfTheWrongKindIsNotHeard() {
    app.twiml("/ask", "<Gather input=\"speech\" action=\"/heard\"/><Say>Nothing heard</Say>")
        .twiml("/keys", "<Gather action=\"/heard\"/><Say>Nothing pressed</Say>");

    assertThat(descriptions(call("/ask", "5"))).contains("Nothing heard");
    assertThat(descriptions(call("/keys", "speech:hello"))).contains("Nothing pressed");
    assertThat(app.received()).extracting(FakeTwilioApp.Received::path).doesNotContain("/heard");
  }

  @Test
  void gatherWithoutActionPostsBackToTheCurrentDocument() {
    app.route(
        "/self",
        params ->
            FakeTwilioApp.Answer.twiml(
                FakeTwilioApp.response(
                    params.containsKey("Digits")
                        ? "<Say>You pressed " + params.get("Digits") + "</Say>"
                        : "<Gather numDigits=\"1\"/>")));

    CallTranscript transcript = call("/self", "9");

    assertThat(app.received()).hasSize(2);
    assertThat(descriptions(transcript)).contains("You pressed 9");
  }

  @Test
  void callerHangingUpDuringGatherEndsTheCallWithoutAction() {
    app.twiml("/menu", MENU);

    CallTranscript transcript = call("/menu", CallerInput.HANG_UP);

    assertThat(app.received()).hasSize(1);
    assertThat(transcript.endStatus()).isEqualTo("completed");
  }
}

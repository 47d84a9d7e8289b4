package io.switchboard.api.voice;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.voice.VoiceInstruction;
import io.switchboard.voice.VoiceInstruction.Dial;
import io.switchboard.voice.VoiceInstruction.Gather;
import io.switchboard.voice.VoiceInstruction.Hangup;
import io.switchboard.voice.VoiceInstruction.Pause;
import io.switchboard.voice.VoiceInstruction.Play;
import io.switchboard.voice.VoiceInstruction.Record;
import io.switchboard.voice.VoiceInstruction.Redirect;
import io.switchboard.voice.VoiceInstruction.Say;
import java.util.List;
import org.junit.jupiter.api.Test;

class TwimlRendererTest {

  private final TwimlRenderer renderer = new TwimlRenderer();

  @Test
  void gatherHoldsItsPromptsAndAsksForTheActionEvenWithoutInput() {
    String twiml =
        renderer.render(
            VoiceInstruction.of(
                new Gather(
                    "voice/main",
                    "dtmf speech",
                    1,
                    5,
                    true,
                    List.of(new Say("Press 1."), new Pause(1), new Play("https://x.test/a.mp3")))));

    assertThat(twiml)
        .contains("<Gather ")
        .contains("action=\"voice/main\"")
        .contains("actionOnEmptyResult=\"true\"")
        .contains("input=\"dtmf speech\"")
        .contains("numDigits=\"1\"")
        .contains("timeout=\"5\"")
        .contains(
            "><Say>Press 1.</Say><Pause length=\"1\"/><Play>https://x.test/a.mp3</Play></Gather>");
  }

  @Test
  void recordDialRedirectAndHangupRenderInOrder() {
    String twiml =
        renderer.render(
            VoiceInstruction.of(
                new Record("voicemail", 60),
                new Redirect("voicemail"),
                new Dial("+15005550006", "transfer", 20),
                new Hangup()));

    assertThat(twiml)
        .contains("<Record action=\"voicemail\" maxLength=\"60\"/>")
        .contains("<Redirect>voicemail</Redirect>")
        .contains("<Dial action=\"transfer\" timeout=\"20\">+15005550006</Dial>")
        .endsWith("<Hangup/></Response>");
  }

  @Test
  void queuesConferencesSipAndClientTargetsAndRecordingCallbacksRender() {
    String twiml =
        renderer.render(
            VoiceInstruction.of(
                new VoiceInstruction.Enqueue("sales", "route", "route.wait"),
                new VoiceInstruction.Leave(),
                new VoiceInstruction.Conference("vip-room", "vip"),
                new Dial("sip:alice@pbx.example.com", "route", 20),
                new Dial("client:bob", "route", null),
                new Record("voicemail", 60, "../recording")));

    assertThat(twiml)
        .contains("<Enqueue action=\"route\" waitUrl=\"route.wait\">sales</Enqueue>")
        .contains("<Leave/>")
        .contains("<Dial action=\"vip\"><Conference>vip-room</Conference></Dial>")
        .contains(
            "<Dial action=\"route\" timeout=\"20\"><Sip>sip:alice@pbx.example.com</Sip></Dial>")
        .contains("<Dial action=\"route\"><Client>bob</Client></Dial>")
        .contains("recordingStatusCallback=\"../recording\"");
  }

  @Test
  void aDialWithoutActionGoesOnWithTheDocument() {
    String xml =
        renderer.render(
            VoiceInstruction.of(
                new Dial("client:alice", null, 20), new Say("Goodbye."), new Hangup()));

    assertThat(xml)
        .contains("<Dial timeout=\"20\"><Client>alice</Client></Dial>")
        .contains("Goodbye.")
        .doesNotContain("action");
  }
}

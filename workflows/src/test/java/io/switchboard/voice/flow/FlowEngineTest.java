package io.switchboard.voice.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.voice.VoiceInstruction;
import io.switchboard.voice.VoiceInstruction.Dial;
import io.switchboard.voice.VoiceInstruction.Gather;
import io.switchboard.voice.VoiceInstruction.Hangup;
import io.switchboard.voice.VoiceInstruction.Play;
import io.switchboard.voice.VoiceInstruction.Record;
import io.switchboard.voice.VoiceInstruction.Redirect;
import io.switchboard.voice.VoiceInstruction.Say;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlowEngineTest {

  /** Monday 2026-11-23 10:00 in Berlin. */
  static final long MONDAY_OPEN = Instant.parse("2026-11-23T09:00:00Z").toEpochMilli();

  /** Friday 2026-11-27 12:30 in Berlin: the lunch break. */
  static final long FRIDAY_LUNCH = Instant.parse("2026-11-27T11:30:00Z").toEpochMilli();

  /** Christmas Day 2026, a Friday, 10:00 in Berlin. */
  static final long CHRISTMAS = Instant.parse("2026-12-25T09:00:00Z").toEpochMilli();

  private final FlowEngine engine = new FlowEngine(Flows.parse(Flows.SUPPORT), Map.of());

  @Test
  void sayNodesAreSpokenUntilTheMenuWhoseGatherPromptsAndPointsAtItsOwnStep() {
    VoiceInstruction first = engine.start(MONDAY_OPEN);

    assertThat(first.verbs())
        .containsExactly(
            new Say("Welcome to support."),
            new Gather(
                "voice/main",
                "dtmf",
                1,
                5,
                true,
                List.of(new Say("Press 1 for sales, 2 for help."))));
    assertThat(engine.waitingAt()).isEqualTo("main");
  }

  @Test
  void menuRoutesDigitsThroughThreeLevelsToADial() {
    engine.start(MONDAY_OPEN);

    assertThat(gather(engine.resume("main", Map.of("Digits", "1"), MONDAY_OPEN)).action())
        .isEqualTo("sales");
    assertThat(gather(engine.resume("sales", Map.of("Digits", "1"), MONDAY_OPEN)).action())
        .isEqualTo("orders");
    VoiceInstruction dial = engine.resume("orders", Map.of("Digits", "1"), MONDAY_OPEN);

    assertThat(dial.verbs()).containsExactly(new Dial("+15005550006", "transfer", 20));
    assertThat(engine.variables()).containsEntry("main", "1").containsEntry("orders", "1");
  }

  @Test
  void invalidInputSaysSoAndPromptsAgain() {
    engine.start(MONDAY_OPEN);

    VoiceInstruction again = engine.resume("main", Map.of("Digits", "9"), MONDAY_OPEN);

    assertThat(again.verbs().get(0)).isEqualTo(new Say("Sorry, that is not an option."));
    assertThat(gather(again).action()).isEqualTo("main");
  }

  @Test
  void noInputTwiceGoesToVoicemailWhichKeepsTheRecording() {
    engine.start(MONDAY_OPEN);

    assertThat(gather(engine.resume("main", Map.of("Digits", ""), MONDAY_OPEN)).action())
        .isEqualTo("main");
    VoiceInstruction voicemail = engine.resume("main", Map.of(), MONDAY_OPEN);
    assertThat(voicemail.verbs())
        .containsExactly(
            new Say("Leave a message after the tone."),
            // The recording is reported to /webhooks/recording: from /webhooks/voice/main, up one.
            new Record("voicemail", 60, "../recording"),
            new Redirect("voicemail"));

    VoiceInstruction bye =
        engine.resume(
            "voicemail",
            Map.of("RecordingSid", "RE1", "RecordingUrl", "https://x.test/RE1"),
            MONDAY_OPEN);
    assertThat(bye.verbs()).containsExactly(new Say("Goodbye."), new Hangup());
    assertThat(engine.variables())
        .containsEntry("recordingSid", "RE1")
        .containsEntry("recordingUrl", "https://x.test/RE1");
  }

  @Test
  void gatherStoresTheInputInItsVariableForLaterPrompts() {
    engine.start(MONDAY_OPEN);
    engine.resume("main", Map.of("Digits", "2"), MONDAY_OPEN);

    VoiceInstruction thanks = engine.resume("help", Map.of("Digits", "4711"), MONDAY_OPEN);

    assertThat(thanks.verbs())
        .containsExactly(new Say("Thanks, account 4711."), new Say("Goodbye."), new Hangup());
    assertThat(engine.variables()).containsEntry("account", "4711");
  }

  @Test
  void setVariablesAreKept() {
    engine.start(MONDAY_OPEN);
    engine.resume("main", Map.of("Digits", "1"), MONDAY_OPEN);
    engine.resume("sales", Map.of("Digits", "2"), MONDAY_OPEN);

    assertThat(engine.variables()).containsEntry("topic", "returns");
  }

  @Test
  void outOfHoursLunchBreaksAndHolidaysAreClosed() {
    assertThat(new FlowEngine(Flows.parse(Flows.SUPPORT), Map.of()).start(FRIDAY_LUNCH).verbs())
        .startsWith(new Say("We are closed."), new Say("Leave a message after the tone."));
    assertThat(new FlowEngine(Flows.parse(Flows.SUPPORT), Map.of()).start(CHRISTMAS).verbs())
        .startsWith(new Say("We are closed."));
    long sunday = Instant.parse("2026-11-29T10:00:00Z").toEpochMilli();
    assertThat(new FlowEngine(Flows.parse(Flows.SUPPORT), Map.of()).start(sunday).verbs())
        .startsWith(new Say("We are closed."));
  }

  @Test
  void branchRoutesOnCallerAttributesAndSpeechRoutesIgnoreCase() {
    Flow flow =
        Flows.parse(
            """
            {'name':'geo','start':'where','nodes':[
             {'id':'where','type':'branch','attribute':'FromCountry',
              'cases':{'DE':'german','US':'ask'},'next':'other'},
             {'id':'german','type':'play','play':'https://x.test/de.mp3'},
             {'id':'other','type':'hangup','say':'Not served.'},
             {'id':'ask','type':'menu','say':'Say sales or support.','input':'speech',
              'routes':{'sales':'other','support':'german'}}]}
            """);

    assertThat(new FlowEngine(flow, Map.of("FromCountry", "DE")).start(0).verbs())
        .containsExactly(new Play("https://x.test/de.mp3"), new Hangup());
    assertThat(new FlowEngine(flow, Map.of("FromCountry", "FR")).start(0).verbs())
        .containsExactly(new Say("Not served."), new Hangup());
    FlowEngine american = new FlowEngine(flow, Map.of("FromCountry", "US", "From", "+1555"));
    assertThat(gather(american.start(0)).input()).isEqualTo("speech");
    assertThat(american.resume("ask", Map.of("SpeechResult", "Support."), 0).verbs())
        .containsExactly(new Play("https://x.test/de.mp3"), new Hangup());
  }

  @Test
  void dialStatusIsKeptAndTheFlowGoesOn() {
    engine.start(MONDAY_OPEN);
    engine.resume("main", Map.of("Digits", "1"), MONDAY_OPEN);
    engine.resume("sales", Map.of("Digits", "1"), MONDAY_OPEN);
    engine.resume("orders", Map.of("Digits", "1"), MONDAY_OPEN);

    VoiceInstruction after =
        engine.resume("transfer", Map.of("DialCallStatus", "completed"), MONDAY_OPEN);

    assertThat(after.verbs()).containsExactly(new Say("Goodbye."), new Hangup());
    assertThat(engine.variables()).containsEntry("dialStatus", "completed");
  }

  @Test
  void branchWithoutAMatchOrDefaultSaysGoodbye() {
    Flow flow =
        Flows.parse(
            "{'name':'x','start':'b','nodes':[{'id':'b','type':'branch','attribute':'FromState',"
                + "'cases':{'CA':'h'}},{'id':'h','type':'hangup'}]}");

    assertThat(new FlowEngine(flow, Map.of("FromState", "NY")).start(0).verbs())
        .containsExactly(new Say(FlowEngine.GOODBYE), new Hangup());
    assertThat(new FlowEngine(flow, Map.of("FromState", "ca")).start(0).verbs())
        .containsExactly(new Hangup());
  }

  @Test
  void unknownStepApologisesAndHangsUp() {
    engine.start(MONDAY_OPEN);

    VoiceInstruction answer = engine.resume("nowhere", Map.of(), MONDAY_OPEN);

    assertThat(answer.verbs()).containsExactly(new Say(FlowEngine.TROUBLE), new Hangup());
  }

  @Test
  void phoneNumbersAreNotKeptAsAttributes() {
    FlowEngine withNumbers =
        new FlowEngine(Flows.parse(Flows.SUPPORT), Map.of("From", "+15551230001", "To", "+1"));

    withNumbers.start(MONDAY_OPEN);

    assertThat(withNumbers.variables()).isEmpty();
  }

  private static Gather gather(VoiceInstruction instruction) {
    return instruction.verbs().stream()
        .filter(Gather.class::isInstance)
        .map(Gather.class::cast)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no Gather in " + instruction));
  }
}

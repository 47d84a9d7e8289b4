package io.switchboard.voice.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.voice.VoiceInstruction;
import io.switchboard.voice.VoiceInstruction.Conference;
import io.switchboard.voice.VoiceInstruction.Dial;
import io.switchboard.voice.VoiceInstruction.Enqueue;
import io.switchboard.voice.VoiceInstruction.Gather;
import io.switchboard.voice.VoiceInstruction.Hangup;
import io.switchboard.voice.VoiceInstruction.Leave;
import io.switchboard.voice.VoiceInstruction.Play;
import io.switchboard.voice.VoiceInstruction.Say;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The nodes that need services: consent, decide, route (agents, queue, escalation), conference. */
class FlowEngineServicesTest {

  private static final long T0 = 1_000_000L;

  private final Services services = new Services();
  private final FlowEngine engine =
      new FlowEngine(
          Flows.parse(Flows.CONTACT), Map.of("CallSid", "CA1", "FromCountry", "DE"), services);

  @Test
  void consentNodeAsksForOneDigitAndKeepsAYes() {
    VoiceInstruction first = engine.start(T0);
    services.decisions.add("vip");

    engine.resume("consent", Map.of("Digits", "1"), T0);

    assertThat(first.verbs())
        .containsExactly(
            new Gather(
                "voice/consent",
                "dtmf",
                1,
                null,
                true,
                List.of(new Say("Press 1 to allow recording."))));
    assertThat(services.consents).containsExactly(new ConsentRecord("CA1", true));
    assertThat(engine.variables()).containsEntry("recordingConsent", "true");
  }

  @Test
  void silenceAtTheConsentNodeIsKeptAsARefusal() {
    engine.start(T0);

    engine.resume("consent", Map.of(), T0);

    assertThat(services.consents).containsExactly(new ConsentRecord("CA1", false));
  }

  @Test
  void decisionPicksItsRouteAndTheServiceSeesAttributesButNoNumber() {
    engine.start(T0);
    services.decisions.add("vip");

    VoiceInstruction vip = engine.resume("consent", Map.of("Digits", "1"), T0);

    assertThat(vip.verbs()).containsExactly(new Conference("vip-room", "vip"));
    DecisionRequest asked = services.asked.get(0);
    assertThat(asked.url()).isEqualTo("http://router.test/route");
    assertThat(asked.timeoutMillis()).isEqualTo(500);
    assertThat(asked.attributes()).containsEntry("FromCountry", "DE").doesNotContainKey("From");
    assertThat(engine.variables()).containsEntry("decide", "vip");
  }

  @Test
  void noDecisionTakesTheFallback() {
    engine.start(T0);
    services.agents.add(new Agent("bob", "client:bob", 1));

    VoiceInstruction support = engine.resume("consent", Map.of("Digits", "2"), T0);

    assertThat(support.verbs()).containsExactly(new Dial("client:bob", "support", 20));
    assertThat(engine.variables())
        .containsEntry("decide", "fallback")
        .containsEntry("agent", "bob");
  }

  @Test
  void anAnswerWithoutARouteTakesTheFallbackToo() {
    engine.start(T0);
    services.decisions.add("nonsense");

    engine.resume("consent", Map.of("Digits", "1"), T0);

    assertThat(engine.waitingAt()).isEqualTo("support");
  }

  @Test
  void withoutAFreeAgentTheCallerIsQueuedAndConnectedWhenOneBecomesFree() {
    engine.start(T0);
    services.decisions.add("sales");

    VoiceInstruction queued = engine.resume("consent", Map.of("Digits", "1"), T0);
    VoiceInstruction hold =
        engine.resume("sales.wait", Map.of("QueuePosition", "2", "QueueTime", "10"), T0 + 10_000);
    services.agents.add(new Agent("alice", "sip:alice@pbx.example.com", 5));
    VoiceInstruction leave =
        engine.resume("sales.wait", Map.of("QueuePosition", "1", "QueueTime", "20"), T0 + 20_000);
    VoiceInstruction dial = engine.resume("sales", Map.of("QueueResult", "leave"), T0 + 21_000);
    VoiceInstruction after = engine.resume("sales", Map.of("DialCallStatus", "completed"), T0);

    assertThat(queued.verbs()).containsExactly(new Enqueue("sales", "sales", "sales.wait"));
    assertThat(hold.verbs())
        .containsExactly(
            new Say("All our agents are busy. You are number 2 in the queue."),
            new Play("https://example.com/hold.mp3"));
    assertThat(leave.verbs()).containsExactly(new Leave());
    assertThat(dial.verbs()).containsExactly(new Dial("sip:alice@pbx.example.com", "sales", 20));
    assertThat(after.verbs()).containsExactly(new Say("Goodbye."), new Hangup());
    assertThat(services.skillsAsked).contains(List.of("sales"));
    assertThat(engine.variables())
        .containsEntry("queue", "sales")
        .containsEntry("agent", "alice")
        .containsEntry("dialStatus", "completed");
  }

  @Test
  void aCallerWhoWaitedTooLongEscalatesToTheWiderRoute() {
    engine.start(T0);
    services.decisions.add("sales");
    engine.resume("consent", Map.of("Digits", "1"), T0);

    VoiceInstruction leave = engine.resume("sales.wait", Map.of("QueueTime", "0"), T0 + 61_000);
    services.agents.add(new Agent("carol", "+15005550006", 0));
    VoiceInstruction support = engine.resume("sales", Map.of("QueueResult", "leave"), T0 + 62_000);

    assertThat(leave.verbs()).containsExactly(new Leave());
    assertThat(support.verbs()).containsExactly(new Dial("+15005550006", "support", 20));
    assertThat(services.skillsAsked).last().isEqualTo(List.of());
  }

  @Test
  void anAgentWhoDoesNotAnswerIsReplacedByTheNextOffer() {
    engine.start(T0);
    services.agents.add(new Agent("bob", "client:bob", 1));
    engine.resume("consent", Map.of(), T0);

    services.agents.add(new Agent("dave", "client:dave", 0));
    VoiceInstruction dave = engine.resume("support", Map.of("DialCallStatus", "no-answer"), T0);
    VoiceInstruction queued = engine.resume("support", Map.of("DialCallStatus", "busy"), T0);

    assertThat(dave.verbs()).containsExactly(new Dial("client:dave", "support", 20));
    assertThat(queued.verbs()).containsExactly(new Enqueue("support", "support", "support.wait"));
    assertThat(engine.variables()).containsEntry("dialStatus", "busy");
  }

  @Test
  void offlineServicesQueueAndFallBackSoThatADryRunReachesNothing() {
    FlowEngine dry = new FlowEngine(Flows.parse(Flows.CONTACT), Map.of());
    dry.start(T0);

    VoiceInstruction queued = dry.resume("consent", Map.of("Digits", "1"), T0);

    assertThat(queued.verbs()).containsExactly(new Enqueue("support", "support", "support.wait"));
  }

  /** Scripted services: decisions and agents are taken in order, consents and questions kept. */
  static final class Services implements FlowServices {
    final Deque<String> decisions = new ArrayDeque<>();
    final Deque<Agent> agents = new ArrayDeque<>();
    final List<DecisionRequest> asked = new ArrayList<>();
    final List<List<String>> skillsAsked = new ArrayList<>();
    final List<ConsentRecord> consents = new ArrayList<>();

    @Override
    public String decide(DecisionRequest request) {
      asked.add(request);
      return decisions.poll();
    }

    @Override
    public Agent reserveAgent(AgentRequest request) {
      skillsAsked.add(request.skills());
      return agents.poll();
    }

    @Override
    public void recordConsent(ConsentRecord consent) {
      consents.add(consent);
    }
  }
}

package io.switchboard.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import io.switchboard.voice.VoiceInstruction.Dial;
import io.switchboard.voice.VoiceInstruction.Enqueue;
import io.switchboard.voice.VoiceInstruction.Leave;
import io.switchboard.voice.flow.Agent;
import io.switchboard.voice.flow.AgentRequest;
import io.switchboard.voice.flow.ConsentRecord;
import io.switchboard.voice.flow.DecisionRequest;
import io.switchboard.voice.flow.Flow;
import io.switchboard.voice.flow.Flows;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Sessions whose flows use activities: consent, decisions, agents and queues. */
class CallSessionRoutingTest {

  @RegisterExtension
  static final TestWorkflowExtension temporal =
      TestWorkflowExtension.newBuilder()
          .registerWorkflowImplementationTypes(CallSessionWorkflowImpl.class)
          .registerSearchAttribute("CallSid", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
          .registerSearchAttribute("Channel", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
          .registerSearchAttribute("CommStatus", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
          .registerSearchAttribute("FlowName", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
          .setDoNotStart(true)
          .build();

  static final Flow CONTACT = Flows.parse(Flows.CONTACT);

  private final FlowActivities flowActivities =
      mock(FlowActivities.class, withSettings().withoutAnnotations());

  private void start(TestWorkflowEnvironment env, Worker worker) {
    // A wait turn asks with its place in line; the scripted agents answer both kinds of ask.
    org.mockito.Mockito.lenient()
        .when(flowActivities.reserveAgentInLine(any()))
        .thenAnswer(
            ask ->
                new io.switchboard.voice.flow.LinePlace(
                    flowActivities.reserveAgent(ask.getArgument(0)), null));
    worker.registerActivitiesImplementations(
        mock(VoiceActivities.class, withSettings().withoutAnnotations()), flowActivities);
    env.start();
  }

  @Test
  void aRoutingServiceSlowerThanTheTimeoutTakesTheFallbackAndConsentIsKept(
      TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    when(flowActivities.decide(any()))
        .thenAnswer(
            invocation -> {
              Thread.sleep(1500); // the node allows 500 ms
              return "vip";
            });
    when(flowActivities.reserveAgent(any())).thenReturn(new Agent("bob", "client:bob", 0));
    start(env, worker);
    CallSessionWorkflowTest.answer(client, worker, CallSessionFlowTest.call("CA1", CONTACT));

    VoiceInstruction fallback =
        session(client, "CA1").nextInstruction(CallSessionFlowTest.action("CA1", "consent", "1"));

    assertThat(fallback.verbs()).containsExactly(new Dial("client:bob", "support", 20));
    assertThat(session(client, "CA1").getState().variables()).containsEntry("decide", "fallback");
    end(client, "CA1");
    verify(flowActivities).recordConsent(new ConsentRecord("CA1", true));
  }

  @Test
  void aQueuedCallerIsConnectedOnTheWaitTurnAfterAnAgentBecomesFree(
      TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    when(flowActivities.decide(any())).thenReturn("sales");
    when(flowActivities.reserveAgent(any()))
        .thenReturn(null, null, new Agent("alice", "sip:alice@pbx.example.com", 5));
    start(env, worker);
    CallSessionWorkflowTest.answer(client, worker, CallSessionFlowTest.call("CA2", CONTACT));
    CallSessionWorkflow session = session(client, "CA2");

    VoiceInstruction queued =
        session.nextInstruction(CallSessionFlowTest.action("CA2", "consent", ""));
    VoiceInstruction hold = session.nextInstruction(waitTurn("CA2", "sales.wait"));
    VoiceInstruction leave = session.nextInstruction(waitTurn("CA2", "sales.wait"));
    VoiceInstruction dial = session.nextInstruction(queueAction("CA2", "sales", "leave"));

    assertThat(queued.verbs()).containsExactly(new Enqueue("sales", "sales", "sales.wait"));
    assertThat(hold.verbs()).hasSize(2);
    assertThat(leave.verbs()).containsExactly(new Leave());
    assertThat(dial.verbs()).containsExactly(new Dial("sip:alice@pbx.example.com", "sales", 20));
    assertThat(session.getState().variables()).containsEntry("agent", "alice");
    // Every ask holds the caller's place in line: the time they were queued.
    org.mockito.ArgumentCaptor<AgentRequest> asks =
        org.mockito.ArgumentCaptor.forClass(AgentRequest.class);
    verify(flowActivities, org.mockito.Mockito.times(3)).reserveAgent(asks.capture());
    assertThat(asks.getAllValues())
        .extracting(AgentRequest::waitingSinceMillis)
        .doesNotContainNull()
        .containsOnly(asks.getAllValues().get(0).waitingSinceMillis());
    assertThat(asks.getAllValues()).noneMatch(AgentRequest::callback);
    end(client, "CA2");
  }

  @Test
  void theHoldSaysTheCallersPlaceInOurLineNotTwiliosQueueOrder(
      TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    when(flowActivities.decide(any())).thenReturn("sales");
    when(flowActivities.reserveAgent(any())).thenReturn(null);
    start(env, worker);
    // Three callers ahead in our line (a priority caller among them), whatever Twilio's queue says.
    org.mockito.Mockito.doReturn(new io.switchboard.voice.flow.LinePlace(null, 3))
        .when(flowActivities)
        .reserveAgentInLine(any());
    CallSessionWorkflowTest.answer(client, worker, CallSessionFlowTest.call("CA5", CONTACT));
    CallSessionWorkflow session = session(client, "CA5");
    session.nextInstruction(CallSessionFlowTest.action("CA5", "consent", ""));

    VoiceInstruction hold = session.nextInstruction(waitTurn("CA5", "sales.wait"));

    assertThat(hold.verbs())
        .contains(
            new VoiceInstruction.Say("All our agents are busy. You are number 4 in the queue."));
    end(client, "CA5");
  }

  @Test
  void aCallerQueuedPastTheEscalationTimeIsRoutedToTheWiderQueue(
      TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    when(flowActivities.decide(any())).thenReturn("sales");
    when(flowActivities.reserveAgent(any())).thenReturn(null);
    start(env, worker);
    CallSessionWorkflowTest.answer(client, worker, CallSessionFlowTest.call("CA3", CONTACT));
    CallSessionWorkflow session = session(client, "CA3");
    session.nextInstruction(CallSessionFlowTest.action("CA3", "consent", "1"));

    env.sleep(Duration.ofSeconds(61));
    VoiceInstruction leave = session.nextInstruction(waitTurn("CA3", "sales.wait"));
    VoiceInstruction wider = session.nextInstruction(queueAction("CA3", "sales", "leave"));

    assertThat(leave.verbs()).containsExactly(new Leave());
    assertThat(wider.verbs()).containsExactly(new Enqueue("support", "support", "support.wait"));
    verify(flowActivities)
        .reserveAgent(
            org.mockito.ArgumentMatchers.argThat(
                (AgentRequest request) ->
                    request.skills().isEmpty() && request.requestId() != null));
    end(client, "CA3");
  }

  @Test
  void theRoutingServiceIsAskedWithTheCallAndNodeButNotTheCallersNumber(
      TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    when(flowActivities.decide(any())).thenReturn("vip");
    start(env, worker);
    CallSessionWorkflowTest.answer(client, worker, CallSessionFlowTest.call("CA4", CONTACT));

    VoiceInstruction conference =
        session(client, "CA4").nextInstruction(CallSessionFlowTest.action("CA4", "consent", "1"));

    assertThat(conference.verbs())
        .containsExactly(new VoiceInstruction.Conference("vip-room", "vip"));
    verify(flowActivities)
        .decide(
            org.mockito.ArgumentMatchers.argThat(
                (DecisionRequest request) ->
                    request.callSid().equals("CA4")
                        && request.node().equals("decide")
                        && !request.toString().contains("+1555")));
    end(client, "CA4");
  }

  private static VoiceTurn waitTurn(String callSid, String step) {
    return new VoiceTurn(
        callSid,
        VoiceTurn.TurnKind.ACTION,
        Map.of("CallSid", callSid, "QueuePosition", "1", "QueueTime", "5"),
        step);
  }

  private static VoiceTurn queueAction(String callSid, String step, String result) {
    return new VoiceTurn(
        callSid,
        VoiceTurn.TurnKind.ACTION,
        Map.of("CallSid", callSid, "QueueResult", result),
        step);
  }

  private static void end(WorkflowClient client, String callSid) {
    session(client, callSid).callStatusChanged(new CallStatusEvent(callSid, "completed", 60, 9));
    assertThat(WorkflowStub.fromTyped(session(client, callSid)).getResult(CallState.class).ended())
        .isTrue();
  }

  private static CallSessionWorkflow session(WorkflowClient client, String callSid) {
    return CallSessionFlowTest.session(client, callSid);
  }
}

package io.switchboard.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import io.switchboard.voice.VoiceInstruction.Dial;
import io.switchboard.voice.VoiceInstruction.Enqueue;
import io.switchboard.voice.VoiceInstruction.Gather;
import io.switchboard.voice.VoiceInstruction.Hangup;
import io.switchboard.voice.VoiceInstruction.Leave;
import io.switchboard.voice.VoiceInstruction.Pause;
import io.switchboard.voice.VoiceInstruction.Say;
import io.switchboard.voice.flow.Agent;
import io.switchboard.voice.flow.AgentRelease;
import io.switchboard.voice.flow.AgentRequest;
import io.switchboard.voice.flow.Flow;
import io.switchboard.voice.flow.Flows;
import io.switchboard.voice.outbound.DialOutcome;
import io.switchboard.voice.outbound.OutboundCallActivities;
import io.switchboard.voice.outbound.OutboundCallActivities.PlaceOutcome;
import io.switchboard.voice.outbound.OutboundCallActivities.PlaceRequest;
import io.switchboard.voice.outbound.OutboundCallActivities.PlacedCall;
import io.switchboard.voice.outbound.OutboundCallRequest;
import io.switchboard.voice.outbound.OutboundCallWorkflow;
import io.switchboard.voice.outbound.OutboundCallWorkflowImpl;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;

/**
 * Queued callbacks: the offer on the wait turn, the caller keeping their place after hanging up,
 * the outbound call when an agent is free, and its retries. Time is skipped.
 */
class CallSessionCallbackTest {

  @RegisterExtension
  static final TestWorkflowExtension temporal =
      TestWorkflowExtension.newBuilder()
          .registerWorkflowImplementationTypes(
              CallSessionWorkflowImpl.class, OutboundCallWorkflowImpl.class)
          .registerSearchAttribute("CallSid", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
          .registerSearchAttribute("Channel", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
          .registerSearchAttribute("CommStatus", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
          .registerSearchAttribute("FlowName", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
          .setDoNotStart(true)
          .build();

  static final String CALLBACK_FLOW =
      """
      {"name":"callback","version":1,"start":"q","nodes":[
       {"id":"q","type":"route","skills":["billing"],"next":"bye",
        "callback":{"digit":"1","prompt":"Press 1 to be called back.",
                    "confirmPrompt":"We will call you back. Goodbye.",
                    "greeting":"Your call back. Connecting you.","attempts":2,"spacing":60,
                    "maxWait":600}},
       {"id":"bye","type":"hangup","say":"Thanks."}]}
      """;

  static final Flow FLOW = Flows.parse(CALLBACK_FLOW);
  static final Agent ALICE = new Agent("alice", "client:alice", 5);
  static final Agent BOB = new Agent("bob", "client:bob", 3);

  private final VoiceActivities voice =
      mock(VoiceActivities.class, withSettings().withoutAnnotations());
  private final FlowActivities flowActivities =
      mock(FlowActivities.class, withSettings().withoutAnnotations());
  private final OutboundCallActivities outbound =
      mock(OutboundCallActivities.class, withSettings().withoutAnnotations());

  private void start(TestWorkflowEnvironment env, Worker worker) {
    // A wait turn asks with its place in line; the scripted agents answer both kinds of ask.
    org.mockito.Mockito.lenient()
        .when(flowActivities.reserveAgentInLine(any()))
        .thenAnswer(
            ask ->
                new io.switchboard.voice.flow.LinePlace(
                    flowActivities.reserveAgent(ask.getArgument(0)), null));
    worker.registerActivitiesImplementations(voice, flowActivities, outbound);
    env.start();
  }

  @Test
  void aCallerWhoTakesTheOfferKeepsTheirPlaceAndIsCalledBackToTheAgent(
      TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    // No agent while the caller is on the line, nor at the first check after they hang up.
    when(flowActivities.reserveAgent(any())).thenReturn(null, null, null, ALICE);
    when(outbound.placeWithinRate(any()))
        .thenReturn(PlaceOutcome.placed(new PlacedCall("CAback1", "queued", null)));
    start(env, worker);
    CallSessionWorkflow session = queueAndAcceptCallback(client, worker, "CA1");

    session.callStatusChanged(new CallStatusEvent("CA1", "completed", 90, 9));
    assertThat(session.getState().ended()).isTrue();
    assertThat(session.getState().variables()).containsEntry("callback", "requested");
    env.sleep(Duration.ofSeconds(45));

    ArgumentCaptor<PlaceRequest> placed = ArgumentCaptor.forClass(PlaceRequest.class);
    verify(outbound, timeout(5000)).placeWithinRate(placed.capture());
    var request = placed.getValue().request();
    assertThat(request.to()).isEqualTo("+15551230001");
    assertThat(request.from()).isEqualTo("+15559870002");
    assertThat(request.id()).isEqualTo("callback-CA1");
    assertThat(request.answer().verbs())
        .containsExactly(
            new Say("Your call back. Connecting you."),
            new Dial(
                "client:alice", "voice/callback-dial?workflowId=outbound-call:callback-CA1", 20),
            new Say(QueuedCallbackCall.GOODBYE),
            new Hangup());
    // An answering machine is hung up on and counts as nobody answering.
    assertThat(request.onMachine()).isEqualTo(OutboundCallRequest.MachineAction.HANGUP);
    assertThat(request.retry()).isEqualTo(new OutboundCallRequest.RetryPolicy(2, 60, true, true));
    assertThat(session.getState().variables())
        .containsEntry("callback", "calling")
        .doesNotContainKey("agentReleased");
    child(client, "CA1").callStatusChanged(new CallStatusEvent("CAback1", "in-progress", 0, 1));
    VoiceInstruction afterTheAgent =
        child(client, "CA1").dialEnded(new DialOutcome("CAback1", "completed"));
    assertThat(afterTheAgent.verbs())
        .containsExactly(new Say(QueuedCallbackCall.GOODBYE), new Hangup());
    child(client, "CA1").callStatusChanged(new CallStatusEvent("CAback1", "completed", 40, 2));

    CallState done = WorkflowStub.fromTyped(session).getResult(CallState.class);
    assertThat(done.variables()).containsEntry("callback", "answered");
    assertThat(events())
        .containsExactly("callback-requested", "callback-calling", "callback-answered");
    verify(flowActivities, never()).releaseAgent(any());
    ArgumentCaptor<AgentRequest> asked = ArgumentCaptor.forClass(AgentRequest.class);
    verify(flowActivities, times(4)).reserveAgent(asked.capture());
    assertThat(asked.getAllValues()).allMatch(r -> r.skills().equals(List.of("billing")));
    // After the hang-up the callback asks in the place the caller had on the line.
    List<AgentRequest> asks = asked.getAllValues();
    assertThat(asks.subList(0, 2)).noneMatch(AgentRequest::callback);
    assertThat(asks.subList(2, 4)).allMatch(AgentRequest::callback);
    assertThat(asks)
        .extracting(AgentRequest::waitingSinceMillis)
        .containsOnly(asks.get(0).waitingSinceMillis());
  }

  @Test
  void aCallbackNobodyAnswersIsPlacedAgainThenGivenUpAndTheAgentFreed(
      TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    when(flowActivities.reserveAgent(any())).thenReturn(null, null, ALICE);
    when(outbound.placeWithinRate(any()))
        .thenReturn(
            PlaceOutcome.placed(new PlacedCall("CAback1", "queued", null)),
            PlaceOutcome.placed(new PlacedCall("CAback2", "queued", null)));
    start(env, worker);
    CallSessionWorkflow session = queueAndAcceptCallback(client, worker, "CA2");
    session.callStatusChanged(new CallStatusEvent("CA2", "completed", 90, 9));
    env.sleep(Duration.ofSeconds(5));

    verify(outbound, timeout(5000)).placeWithinRate(any());
    child(client, "CA2").callStatusChanged(new CallStatusEvent("CAback1", "no-answer", 0, 1));
    env.sleep(Duration.ofSeconds(61));
    verify(outbound, timeout(5000).times(2)).placeWithinRate(any());
    child(client, "CA2").callStatusChanged(new CallStatusEvent("CAback2", "busy", 0, 1));

    CallState done = WorkflowStub.fromTyped(session).getResult(CallState.class);
    assertThat(done.variables()).containsEntry("callback", "unanswered");
    ArgumentCaptor<AgentRequest> reserved = ArgumentCaptor.forClass(AgentRequest.class);
    verify(flowActivities, times(3)).reserveAgent(reserved.capture());
    verify(flowActivities)
        .releaseAgent(new AgentRelease("alice", reserved.getAllValues().get(2).requestId()));
    assertThat(events())
        .containsExactly("callback-requested", "callback-calling", "callback-unanswered");
  }

  @Test
  void aCallbackWithoutAnAgentWithinItsMaxWaitIsGivenUpWithoutACall(
      TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    when(flowActivities.reserveAgent(any())).thenReturn(null);
    start(env, worker);
    CallSessionWorkflow session = queueAndAcceptCallback(client, worker, "CA3");
    session.callStatusChanged(new CallStatusEvent("CA3", "completed", 90, 9));

    CallState done = WorkflowStub.fromTyped(session).getResult(CallState.class);

    assertThat(done.variables()).containsEntry("callback", "expired");
    verify(outbound, never()).placeWithinRate(any());
    assertThat(events()).containsExactly("callback-requested", "callback-expired");
  }

  @Test
  void aLongWaitForAnAgentContinuesAsNewAndStillCallsBackOnce(
      TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    when(flowActivities.reserveAgent(any()))
        .thenReturn(null, null, null, null, null, null, null, null, null, null, ALICE);
    when(outbound.placeWithinRate(any()))
        .thenReturn(PlaceOutcome.placed(new PlacedCall("CAback1", "queued", null)));
    // No status callbacks: the outbound call asks Twilio, which says it was answered.
    when(outbound.fetch(any())).thenReturn(new PlacedCall("CAback1", "completed", null));
    start(env, worker);
    CallSessionInput input =
        new CallSessionInput(
            "CA5", "AC1", "+15551230001", "+15559870002", "inbound", 1L, FLOW, 60, null);
    CallSessionWorkflowTest.answer(client, worker, input);
    CallSessionWorkflow session = CallSessionFlowTest.session(client, "CA5");
    String firstRun = WorkflowStub.fromTyped(session).describe().getExecution().getRunId();
    session.nextInstruction(turn("CA5", "q.wait", Map.of()));
    session.nextInstruction(CallSessionFlowTest.action("CA5", "q.callback", "1"));
    session.nextInstruction(turn("CA5", "q", Map.of("QueueResult", "leave")));
    session.callStatusChanged(new CallStatusEvent("CA5", "completed", 90, 9));

    CallState done = WorkflowStub.fromTyped(session).getResult(CallState.class);

    assertThat(WorkflowStub.fromTyped(session).describe().getExecution().getRunId())
        .isNotEqualTo(firstRun);
    assertThat(done.ended()).isTrue();
    assertThat(done.variables()).containsEntry("callback", "answered");
    verify(outbound).placeWithinRate(any());
    assertThat(events())
        .containsExactly("callback-requested", "callback-calling", "callback-answered");
  }

  @Test
  void aCallerWhoseAgentMissesTheCallIsToldAndCalledAgainWithAnotherAgent(
      TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    // Alice stays reserved after missing the call, so the next round finds Bob.
    when(flowActivities.reserveAgent(any())).thenReturn(null, null, ALICE, BOB);
    when(outbound.placeWithinRate(any()))
        .thenReturn(
            PlaceOutcome.placed(new PlacedCall("CAback1", "queued", null)),
            PlaceOutcome.placed(new PlacedCall("CAback2", "queued", null)));
    start(env, worker);
    CallSessionWorkflow session = queueAndAcceptCallback(client, worker, "CA6");
    session.callStatusChanged(new CallStatusEvent("CA6", "completed", 90, 9));
    env.sleep(Duration.ofSeconds(15));
    verify(outbound, timeout(5000)).placeWithinRate(any());

    OutboundCallWorkflow first = child(client, "CA6");
    first.callStatusChanged(new CallStatusEvent("CAback1", "in-progress", 0, 1));
    VoiceInstruction missed = first.dialEnded(new DialOutcome("CAback1", "no-answer"));
    first.callStatusChanged(new CallStatusEvent("CAback1", "completed", 30, 2));

    assertThat(missed.verbs())
        .containsExactly(new Say(QueuedCallbackCall.AGENT_MISSED), new Hangup());
    ArgumentCaptor<PlaceRequest> placed = ArgumentCaptor.forClass(PlaceRequest.class);
    verify(outbound, timeout(5000).times(2)).placeWithinRate(placed.capture());
    OutboundCallRequest second = placed.getAllValues().get(1).request();
    // The second round is its own outbound call, with the one call the flow's two allow left.
    assertThat(second.id()).isEqualTo("callback-CA6-2");
    assertThat(second.retry().maxAttempts()).isEqualTo(1);
    assertThat(second.answer().verbs())
        .contains(
            new Dial(
                "client:bob", "voice/callback-dial?workflowId=outbound-call:callback-CA6-2", 20));
    OutboundCallWorkflow again =
        client.newWorkflowStub(OutboundCallWorkflow.class, "outbound-call:callback-CA6-2");
    again.callStatusChanged(new CallStatusEvent("CAback2", "in-progress", 0, 1));
    again.dialEnded(new DialOutcome("CAback2", "completed"));
    again.callStatusChanged(new CallStatusEvent("CAback2", "completed", 300, 2));

    CallState done = WorkflowStub.fromTyped(session).getResult(CallState.class);
    assertThat(done.variables()).containsEntry("callback", "answered");
    assertThat(events())
        .containsExactly(
            "callback-requested",
            "callback-calling",
            "callback-agent-missed",
            "callback-calling",
            "callback-answered");
    verify(flowActivities, never()).releaseAgent(any());
  }

  @Test
  void anAgentWhoMissesTheLastCallTheFlowAllowsEndsTheCallback(
      TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    when(flowActivities.reserveAgent(any())).thenReturn(null, null, ALICE, BOB);
    when(outbound.placeWithinRate(any()))
        .thenReturn(
            PlaceOutcome.placed(new PlacedCall("CAback1", "queued", null)),
            PlaceOutcome.placed(new PlacedCall("CAback2", "queued", null)));
    start(env, worker);
    CallSessionWorkflow session = queueAndAcceptCallback(client, worker, "CA7");
    session.callStatusChanged(new CallStatusEvent("CA7", "completed", 90, 9));
    env.sleep(Duration.ofSeconds(15));
    verify(outbound, timeout(5000)).placeWithinRate(any());
    // The first call rings out; the second, after the spacing, reaches the caller, not the agent.
    child(client, "CA7").callStatusChanged(new CallStatusEvent("CAback1", "no-answer", 0, 1));
    env.sleep(Duration.ofSeconds(61));
    verify(outbound, timeout(5000).times(2)).placeWithinRate(any());
    child(client, "CA7").callStatusChanged(new CallStatusEvent("CAback2", "in-progress", 0, 1));
    child(client, "CA7").dialEnded(new DialOutcome("CAback2", "busy"));
    child(client, "CA7").callStatusChanged(new CallStatusEvent("CAback2", "completed", 20, 2));

    CallState done = WorkflowStub.fromTyped(session).getResult(CallState.class);

    assertThat(done.variables()).containsEntry("callback", "agent-missed");
    assertThat(events())
        .containsExactly("callback-requested", "callback-calling", "callback-agent-missed");
    verify(outbound, times(2)).placeWithinRate(any());
  }

  @Test
  void anAnsweringMachineIsHungUpOnAndTheCallerCalledAgain(
      TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    when(flowActivities.reserveAgent(any())).thenReturn(null, null, ALICE);
    when(outbound.placeWithinRate(any()))
        .thenReturn(
            PlaceOutcome.placed(new PlacedCall("CAback1", "queued", null)),
            PlaceOutcome.placed(new PlacedCall("CAback2", "queued", null)));
    start(env, worker);
    CallSessionWorkflow session = queueAndAcceptCallback(client, worker, "CA8");
    session.callStatusChanged(new CallStatusEvent("CA8", "completed", 90, 9));
    env.sleep(Duration.ofSeconds(15));
    verify(outbound, timeout(5000)).placeWithinRate(any());

    child(client, "CA8")
        .callStatusChanged(new CallStatusEvent("CAback1", "completed", 3, 2, "machine_start"));
    env.sleep(Duration.ofSeconds(61));
    verify(outbound, timeout(5000).times(2)).placeWithinRate(any());
    child(client, "CA8")
        .callStatusChanged(new CallStatusEvent("CAback2", "completed", 4, 2, "machine_end_beep"));

    CallState done = WorkflowStub.fromTyped(session).getResult(CallState.class);
    assertThat(done.variables()).containsEntry("callback", "unanswered");
    ArgumentCaptor<AgentRequest> reserved = ArgumentCaptor.forClass(AgentRequest.class);
    verify(flowActivities, times(3)).reserveAgent(reserved.capture());
    verify(flowActivities)
        .releaseAgent(new AgentRelease("alice", reserved.getAllValues().get(2).requestId()));
  }

  @Test
  void anotherKeyDuringTheOfferKeepsTheCallerOnHold(
      TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    when(flowActivities.reserveAgent(any())).thenReturn(null);
    start(env, worker);
    CallSessionWorkflowTest.answer(client, worker, CallSessionFlowTest.call("CA4", FLOW));
    CallSessionWorkflow session = CallSessionFlowTest.session(client, "CA4");

    VoiceInstruction hold =
        session.nextInstruction(CallSessionFlowTest.action("CA4", "q.callback", "7"));

    assertThat(hold.verbs()).doesNotContain(new Leave()).hasAtLeastOneElementOfType(Gather.class);
    assertThat(session.getState().variables()).doesNotContainKey("callback");
    session.callStatusChanged(new CallStatusEvent("CA4", "completed", 60, 9));
    assertThat(WorkflowStub.fromTyped(session).getResult(CallState.class).ended()).isTrue();
    verify(voice, never()).recordCallEvent(any());
  }

  /** The caller waits, hears the offer, presses 1 and is told they will be called back. */
  private static CallSessionWorkflow queueAndAcceptCallback(
      WorkflowClient client, Worker worker, String callSid) {
    VoiceInstruction queued =
        CallSessionWorkflowTest.answer(client, worker, CallSessionFlowTest.call(callSid, FLOW));
    CallSessionWorkflow session = CallSessionFlowTest.session(client, callSid);
    VoiceInstruction hold = session.nextInstruction(turn(callSid, "q.wait", Map.of()));
    VoiceInstruction leave =
        session.nextInstruction(CallSessionFlowTest.action(callSid, "q.callback", "1"));
    VoiceInstruction confirm =
        session.nextInstruction(turn(callSid, "q", Map.of("QueueResult", "leave")));

    assertThat(queued.verbs()).containsExactly(new Enqueue("q", "voice/q", "voice/q.wait"));
    assertThat(hold.verbs())
        .containsExactly(
            new Say("All our agents are busy. You are number 1 in the queue."),
            new Gather(
                "q.callback", "dtmf", 1, 5, false, List.of(new Say("Press 1 to be called back."))),
            new Pause(10));
    assertThat(leave.verbs()).containsExactly(new Leave());
    assertThat(confirm.verbs())
        .containsExactly(new Say("We will call you back. Goodbye."), new Hangup());
    return session;
  }

  private List<String> events() {
    ArgumentCaptor<CallEventRequest> events = ArgumentCaptor.forClass(CallEventRequest.class);
    verify(voice, org.mockito.Mockito.atLeastOnce()).recordCallEvent(events.capture());
    assertThat(events.getAllValues()).noneMatch(e -> String.valueOf(e.detail()).contains("+1555"));
    return events.getAllValues().stream().map(CallEventRequest::event).toList();
  }

  private static VoiceTurn turn(String callSid, String step, Map<String, String> extra) {
    Map<String, String> params = new java.util.HashMap<>(extra);
    params.put("CallSid", callSid);
    params.put("QueuePosition", "1");
    return new VoiceTurn(callSid, VoiceTurn.TurnKind.ACTION, params, step);
  }

  private static OutboundCallWorkflow child(WorkflowClient client, String callSid) {
    return client.newWorkflowStub(OutboundCallWorkflow.class, "outbound-call:callback-" + callSid);
  }
}

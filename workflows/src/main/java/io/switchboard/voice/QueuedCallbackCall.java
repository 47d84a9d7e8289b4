package io.switchboard.voice;

import io.switchboard.common.Retries;
import io.switchboard.voice.flow.Agent;
import io.switchboard.voice.flow.AgentRelease;
import io.switchboard.voice.flow.AgentRequest;
import io.switchboard.voice.flow.CallbackOption;
import io.switchboard.voice.flow.QueuedCallback;
import io.switchboard.voice.outbound.DialOutcome;
import io.switchboard.voice.outbound.OutboundCallRequest;
import io.switchboard.voice.outbound.OutboundCallRequest.MachineAction;
import io.switchboard.voice.outbound.OutboundCallRequest.RetryPolicy;
import io.switchboard.voice.outbound.OutboundCallState;
import io.switchboard.voice.outbound.OutboundCallWorkflow;
import io.switchboard.voice.outbound.OutboundCallWorkflowIds;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ChildWorkflowFailure;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.TreeMap;
import org.slf4j.Logger;

/**
 * The part of a call session that calls a caller back. The caller's place is this durable session:
 * it asks for an agent with the route node's skills as often as a caller on hold would (the same
 * reservation, so callers on the line and callers waiting for a callback compete alike, ADR 0005),
 * and with one reserved starts {@link OutboundCallWorkflow} as a child, which places the call from
 * the number the caller dialled with machine detection, retries no-answer, busy and machines per
 * the flow, and when a person answers dials the agent, whose Dial reports back how it ended. A
 * caller whose agent did not pick up is told so and keeps their place for another round (the
 * session's loop), while calls are left. An agent nobody was connected to is freed; one who was, or
 * who missed the call, stays reserved until set available, as after a call from the queue.
 */
final class QueuedCallbackCall {

  /** How often a waiting callback asks for an agent: as often as the hold loop's wait turn. */
  static final Duration POLL = Duration.ofSeconds(10);

  /** Said after the agent's call ends (and, in sessions from before, when the agent missed it). */
  static final String GOODBYE = "Thank you for calling. Goodbye.";

  /** Said when the agent does not pick up: the caller keeps their place for the next round. */
  static final String AGENT_MISSED =
      "We are sorry, the agent could not take your call. We will call you back again soon.";

  /**
   * Callbacks from before called the caller without machine detection and counted every completed
   * call as answered; from this version on, a machine is a call nobody answered (retried like one),
   * the agent's Dial reports its outcome, and a caller whose agent missed the call keeps their
   * place for another round with another agent.
   */
  static final String AGENT_OUTCOME_CHANGE = "callback-agent-outcome";

  /**
   * Ring time for the agent once the caller is on the line when the node gives none, as for a
   * caller from the queue.
   */
  private static final int AGENT_RING_SECONDS = 20;

  private static final Logger log = Workflow.getLogger(QueuedCallbackCall.class);

  private final ActivityOptions reserveOptions =
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofSeconds(5))
          .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(3).build())
          .build();

  private final ActivityOptions releaseOptions =
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofSeconds(10))
          .setRetryOptions(Retries.UNTIL_DONE)
          .build();

  private final FlowActivities reservations =
      Workflow.newActivityStub(FlowActivities.class, reserveOptions);
  private final FlowActivities releases =
      Workflow.newActivityStub(FlowActivities.class, releaseOptions);

  private final CallSessionInput call;
  private final QueuedCallback request;
  private final int callsBefore;
  private Agent agent;
  private String reservation;
  private boolean tracked;
  private int callsPlaced;

  QueuedCallbackCall(CallSessionInput call, QueuedCallback request, int callsBefore) {
    this.call = call;
    this.request = request;
    this.callsBefore = callsBefore;
  }

  /** Workflow time after which a callback still without an agent is given up. */
  long deadlineMillis() {
    return request.requestedAtMillis() + request.option().maxWaitOrDefault() * 1000L;
  }

  /**
   * Asks once for the best free agent with the node's skills, in the caller's place in line (from
   * when they joined the queue); true when one is reserved.
   */
  boolean reserveAgent() {
    String requestId = Workflow.randomUUID().toString();
    try {
      agent =
          reservations.reserveAgent(
              new AgentRequest(
                  call.callSid(),
                  request.skills(),
                  requestId,
                  request.enqueuedAtMillis(),
                  request.priority(),
                  true));
    } catch (ActivityFailure failure) {
      log.warn("agent reservation for a callback failed; asking again later");
      agent = null;
    }
    reservation = agent == null ? null : requestId;
    return agent != null;
  }

  Agent agent() {
    return agent;
  }

  /**
   * Calls the caller back and connects them to the reserved agent; returns the outcome: {@code
   * answered}, {@code agent-missed} (the caller answered, the agent did not), {@code unanswered}
   * (no-answer, busy, refused or a machine on every attempt) or {@code failed}.
   */
  String place() {
    tracked = Workflow.getVersion(AGENT_OUTCOME_CHANGE, Workflow.DEFAULT_VERSION, 1) >= 1;
    CallbackOption option = request.option();
    String key = outboundKey();
    TreeMap<String, String> labels = new TreeMap<>();
    labels.put("callbackFor", call.callSid());
    labels.put("agent", agent.id());
    String dialAction =
        tracked
            ? "voice/callback-dial?workflowId=" + OutboundCallWorkflowIds.outboundCall(key)
            : null;
    OutboundCallRequest outbound =
        new OutboundCallRequest(
            key,
            call.from(),
            call.to(),
            null,
            null,
            tracked ? MachineAction.HANGUP : null,
            null,
            new RetryPolicy(
                option.attemptsOrDefault() - callsBefore, option.spacingOrDefault(), true, tracked),
            null,
            option.ringTimeoutOrDefault(),
            labels,
            VoiceInstruction.of(
                new VoiceInstruction.Say(option.greetingOrDefault()),
                new VoiceInstruction.Dial(agent.target(), dialAction, agentRing()),
                new VoiceInstruction.Say(GOODBYE),
                new VoiceInstruction.Hangup()),
            // The caller's own fingerprint: the session's input has it for the caller's number.
            call.from().equals(call.participantNumber()) ? call.participantFingerprint() : null,
            tracked
                ? VoiceInstruction.of(
                    new VoiceInstruction.Say(AGENT_MISSED), new VoiceInstruction.Hangup())
                : null);
    OutboundCallWorkflow child =
        Workflow.newChildWorkflowStub(
            OutboundCallWorkflow.class,
            ChildWorkflowOptions.newBuilder()
                .setWorkflowId(OutboundCallWorkflowIds.outboundCall(key))
                .setTaskQueue(Workflow.getInfo().getTaskQueue())
                .build());
    String outcome;
    try {
      OutboundCallState result = child.place(outbound);
      callsPlaced = result.attempt();
      outcome = tracked ? outcome(result) : legacyOutcome(result);
    } catch (ChildWorkflowFailure failure) {
      log.warn("callback call failed");
      outcome = "failed";
    }
    // An agent the caller was connected to stays reserved until set available, as after a call
    // from the queue; so does one who missed the call, so that the next round finds another.
    if (!"answered".equals(outcome) && !"agent-missed".equals(outcome)) {
      release();
    }
    return outcome;
  }

  /**
   * A person who answered and reached the agent is {@code answered}; one whose agent did not pick
   * up is {@code agent-missed}. A dial outcome that never arrived (the caller hung up during the
   * greeting, or the action could not reach the session) counts as answered: calling someone back
   * twice is worse than a callback the ops see ended early.
   */
  private static String outcome(OutboundCallState result) {
    if (!"completed".equals(result.status()) || CallStatuses.isMachine(result.answeredBy())) {
      return "unanswered";
    }
    if (result.dialStatus() != null && !DialOutcome.reached(result.dialStatus())) {
      return "agent-missed";
    }
    return "answered";
  }

  /** Sessions from before the agent's outcome was tracked: any completed call was answered. */
  private static String legacyOutcome(OutboundCallState result) {
    return "completed".equals(result.status()) ? "answered" : "unanswered";
  }

  /** Calls to the caller this round placed (each a ring of their phone). */
  int callsPlaced() {
    return callsPlaced;
  }

  private int agentRing() {
    return request.agentRingSeconds() == null ? AGENT_RING_SECONDS : request.agentRingSeconds();
  }

  /** Frees the agent reserved for a callback that will not be connected. */
  void release() {
    if (agent != null) {
      releases.releaseAgent(new AgentRelease(agent.id(), reservation));
    }
  }

  /**
   * The outbound call's key, for the call's events: {@code GET /api/calls/{key}} shows it. The
   * first round's is {@code callback-{CallSid}}; a round after an agent missed the call is named
   * after the call it starts with, {@code callback-{CallSid}-{n}}.
   */
  String outboundKey() {
    String first = "callback-" + call.callSid();
    return callsBefore == 0 ? first : first + "-" + (callsBefore + 1);
  }
}

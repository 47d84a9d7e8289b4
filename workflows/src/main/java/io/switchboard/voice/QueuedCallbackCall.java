package io.switchboard.voice;

import io.switchboard.voice.flow.Agent;
import io.switchboard.voice.flow.AgentRelease;
import io.switchboard.voice.flow.AgentRequest;
import io.switchboard.voice.flow.CallbackOption;
import io.switchboard.voice.flow.QueuedCallback;
import io.switchboard.voice.outbound.OutboundCallRequest;
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
 * the number the caller dialled, retries no-answer and busy per the flow, and on answer dials the
 * agent. An agent nobody was connected to is freed; one who was stays reserved until set available,
 * as after a call from the queue.
 */
final class QueuedCallbackCall {

  /** How often a waiting callback asks for an agent: as often as the hold loop's wait turn. */
  static final Duration POLL = Duration.ofSeconds(10);

  /** Said after the agent's call ends, or when the agent does not answer. */
  static final String GOODBYE = "Thank you for calling. Goodbye.";

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
          .setRetryOptions(
              RetryOptions.newBuilder()
                  .setInitialInterval(Duration.ofSeconds(1))
                  .setBackoffCoefficient(2.0)
                  .setMaximumInterval(Duration.ofMinutes(1))
                  .build())
          .build();

  private final FlowActivities reservations =
      Workflow.newActivityStub(FlowActivities.class, reserveOptions);
  private final FlowActivities releases =
      Workflow.newActivityStub(FlowActivities.class, releaseOptions);

  private final CallSessionInput call;
  private final QueuedCallback request;
  private Agent agent;
  private String reservation;

  QueuedCallbackCall(CallSessionInput call, QueuedCallback request) {
    this.call = call;
    this.request = request;
  }

  /** Workflow time after which a callback still without an agent is given up. */
  long deadlineMillis() {
    return request.requestedAtMillis() + request.option().maxWaitOrDefault() * 1000L;
  }

  /** Asks once for the best free agent with the node's skills; true when one is reserved. */
  boolean reserveAgent() {
    String requestId = Workflow.randomUUID().toString();
    try {
      agent =
          reservations.reserveAgent(new AgentRequest(call.callSid(), request.skills(), requestId));
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
   * answered}, {@code unanswered} (no-answer, busy or refused on every attempt) or {@code failed}.
   */
  String place() {
    CallbackOption option = request.option();
    String key = "callback-" + call.callSid();
    TreeMap<String, String> labels = new TreeMap<>();
    labels.put("callbackFor", call.callSid());
    labels.put("agent", agent.id());
    OutboundCallRequest outbound =
        new OutboundCallRequest(
            key,
            call.from(),
            call.to(),
            null,
            null,
            null,
            null,
            new RetryPolicy(option.attemptsOrDefault(), option.spacingOrDefault(), true),
            null,
            option.ringTimeoutOrDefault(),
            labels,
            VoiceInstruction.of(
                new VoiceInstruction.Say(option.greetingOrDefault()),
                new VoiceInstruction.Dial(agent.target(), null, agentRing()),
                new VoiceInstruction.Say(GOODBYE),
                new VoiceInstruction.Hangup()),
            // The caller's own fingerprint: the session's input has it for the caller's number.
            call.from().equals(call.participantNumber()) ? call.participantFingerprint() : null);
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
      outcome = "completed".equals(result.status()) ? "answered" : "unanswered";
    } catch (ChildWorkflowFailure failure) {
      log.warn("callback call failed");
      outcome = "failed";
    }
    if (!"answered".equals(outcome)) {
      release();
    }
    return outcome;
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

  /** The outbound call's key, for the call's events: {@code GET /api/calls/{key}} shows it. */
  String outboundKey() {
    return "callback-" + call.callSid();
  }
}

package io.switchboard.voice.flow;

import io.switchboard.voice.VoiceInstruction;
import io.switchboard.voice.VoiceInstruction.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The turns of a {@code route} node. The caller is offered to the best free agent; with none free
 * they wait in a Twilio queue, and every wait turn (Twilio requests the wait URL each time the hold
 * TwiML has played) tries again: a reserved agent or an escalation makes the caller leave the
 * queue, and the Enqueue's action then dials the agent or goes to {@code escalate}. The wait turn
 * is where an agent who became free is found, so no separate dispatcher has to find the waiting
 * calls.
 */
final class AgentRouting {

  /** The suffix of a route node's wait turn: {@code {node}.wait} (node ids have no dots). */
  static final String WAIT = ".wait";

  /** Said on every wait turn when the node has no {@code say}; {@code {{position}}} is filled. */
  static final String POSITION =
      "All our agents are busy. You are number {{position}} in the queue.";

  /**
   * Ring time for an agent when the node gives none: long enough to pick up, short for a caller.
   */
  private static final int AGENT_RING_SECONDS = 20;

  /** Dial outcomes in which the agent never spoke to the caller. */
  private static final List<String> UNANSWERED = List.of("busy", "no-answer", "failed");

  private final FlowServices services;
  private final String callSid;
  private Agent reserved;
  private boolean escalated;
  private long enqueuedAtMillis;

  AgentRouting(FlowServices services, String callSid) {
    this.services = services;
    this.callSid = callSid;
  }

  void restore(Agent reservedAgent, boolean wasEscalated, long enqueuedAt) {
    reserved = reservedAgent;
    escalated = wasEscalated;
    enqueuedAtMillis = enqueuedAt;
  }

  Agent reserved() {
    return reserved;
  }

  boolean escalated() {
    return escalated;
  }

  long enqueuedAtMillis() {
    return enqueuedAtMillis;
  }

  /** Arriving at the node: dial a free agent, else queue the caller. */
  List<Verb> offer(FlowNode node, String base, SortedMap<String, String> variables, long now) {
    escalated = false;
    reserved = services.reserveAgent(new AgentRequest(callSid, node.skills(), null));
    if (reserved != null) {
      return List.of(dial(node, base, variables));
    }
    String queue = node.queue() == null ? node.id() : node.queue();
    variables.put("queue", queue);
    enqueuedAtMillis = now;
    return List.of(new VoiceInstruction.Enqueue(queue, base + node.id(), base + node.id() + WAIT));
  }

  /** A wait turn: leave for an agent or for escalation, else hold music and the position. */
  List<Verb> waitTurn(FlowNode node, Map<String, String> params, long now) {
    long waited = Math.max(number(params.get("QueueTime")), (now - enqueuedAtMillis) / 1000);
    if (node.escalateAfter() != null && node.escalate() != null && waited >= node.escalateAfter()) {
      escalated = true;
      return List.of(new VoiceInstruction.Leave());
    }
    if (reserved == null) {
      reserved = services.reserveAgent(new AgentRequest(callSid, node.skills(), null));
    }
    if (reserved != null) {
      return List.of(new VoiceInstruction.Leave());
    }
    List<Verb> verbs = new ArrayList<>();
    String position = params.get("QueuePosition");
    String text = node.say() == null ? POSITION : node.say();
    verbs.add(
        new VoiceInstruction.Say(text.replace("{{position}}", position == null ? "1" : position)));
    verbs.add(
        node.play() == null
            ? new VoiceInstruction.Pause(10)
            : new VoiceInstruction.Play(node.play()));
    return verbs;
  }

  /**
   * The node's action, after the queue (QueueResult) or after the agent's call (DialCallStatus).
   * Returns the verbs to answer while the node still waits (an agent to dial, or another offer when
   * the agent did not answer), or null to go on to {@link #target}.
   */
  List<Verb> after(
      FlowNode node, Map<String, String> params, SortedMap<String, String> variables, long now) {
    String queueResult = params.get("QueueResult");
    if (queueResult != null) {
      variables.put("queueResult", queueResult);
      if ("leave".equals(queueResult) && reserved != null && !escalated) {
        return List.of(dial(node, "", variables));
      }
      return null;
    }
    String status = params.get("DialCallStatus");
    if (status != null) {
      variables.put("dialStatus", status);
    }
    reserved = null;
    if (UNANSWERED.contains(status)) {
      // The agent stays reserved (busy) until set available again, so the next offer is another.
      return offer(node, "", variables, now);
    }
    return null;
  }

  /** Where the caller goes after the node: escalation, else {@code next}. */
  String target(FlowNode node) {
    return escalated ? node.escalate() : node.next();
  }

  private VoiceInstruction.Dial dial(FlowNode node, String base, SortedMap<String, String> vars) {
    vars.put("agent", reserved.id());
    int ring = node.timeout() == null ? AGENT_RING_SECONDS : node.timeout();
    return new VoiceInstruction.Dial(reserved.target(), base + node.id(), ring);
  }

  private static long number(String value) {
    return value != null && value.matches("\\d{1,9}") ? Long.parseLong(value) : 0;
  }
}

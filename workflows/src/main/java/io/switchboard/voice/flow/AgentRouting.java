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

  /**
   * The suffix of the callback offer's Gather action in the wait TwiML: {@code {node}.callback}.
   */
  static final String CALLBACK = ".callback";

  /** Seconds the callback offer listens for its digit before the hold music goes on. */
  private static final int OFFER_SECONDS = 5;

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
  private QueuedCallback callback;

  AgentRouting(FlowServices services, String callSid) {
    this.services = services;
    this.callSid = callSid;
  }

  void restore(
      Agent reservedAgent, boolean wasEscalated, long enqueuedAt, QueuedCallback requested) {
    reserved = reservedAgent;
    escalated = wasEscalated;
    enqueuedAtMillis = enqueuedAt;
    callback = requested;
  }

  /** The callback the caller asked for, or null. */
  QueuedCallback callback() {
    return callback;
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
    // A caller who arrives joins the line behind those already in it: an agent they could take
    // goes to an earlier caller first. The line keeps the earliest time a call asked (a caller the
    // node offers again keeps their place), while escalation counts from this queueing.
    reserved = services.reserveAgent(ask(node, now));
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
    LinePlace place = new LinePlace(reserved, null);
    if (reserved == null) {
      place = services.reserveAgentInLine(ask(node, enqueuedAtMillis));
      reserved = place.agent();
    }
    if (reserved != null) {
      return List.of(new VoiceInstruction.Leave());
    }
    List<Verb> verbs = new ArrayList<>();
    // Our line, not Twilio's queue order: a caller with a higher priority is served first.
    String position = place.position(params.get("QueuePosition"));
    String text = node.say() == null ? POSITION : node.say();
    verbs.add(new VoiceInstruction.Say(text.replace("{{position}}", position)));
    CallbackOption offer = node.callback();
    if (offer != null) {
      // Without a key pressed Twilio goes on with the hold music below, still in the queue.
      VoiceInstruction.Say prompt = new VoiceInstruction.Say(offer.prompt());
      verbs.add(
          new VoiceInstruction.Gather(
              node.id() + CALLBACK, "dtmf", 1, OFFER_SECONDS, false, List.of(prompt)));
    }
    verbs.add(
        node.play() == null
            ? new VoiceInstruction.Pause(10)
            : new VoiceInstruction.Play(node.play()));
    return verbs;
  }

  /**
   * A key pressed during the callback offer. The callback's digit makes the caller leave the queue
   * with their place kept by the session; an agent already reserved is connected at once instead;
   * any other key is a wait turn like the rest.
   */
  List<Verb> callbackTurn(FlowNode node, Map<String, String> params, long now) {
    CallbackOption offer = node.callback();
    if (reserved != null || offer == null || !offer.digit().equals(FlowRoutes.heard(params))) {
      return reserved != null ? List.of(new VoiceInstruction.Leave()) : waitTurn(node, params, now);
    }
    callback =
        new QueuedCallback(
            node.id(),
            node.skills(),
            offer,
            enqueuedAtMillis,
            now,
            node.timeout(),
            node.priority());
    return List.of(new VoiceInstruction.Leave());
  }

  /** Whether the caller left the queue to be called back, rather than for an agent. */
  boolean leftForCallback(FlowNode node, Map<String, String> params) {
    return callback != null
        && callback.node().equals(node.id())
        && reserved == null
        && params.get("QueueResult") != null;
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

  /** The caller's ask for an agent, with their place in line. */
  private AgentRequest ask(FlowNode node, long waitingSinceMillis) {
    return new AgentRequest(
        callSid, node.skills(), null, waitingSinceMillis, node.priority(), false);
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

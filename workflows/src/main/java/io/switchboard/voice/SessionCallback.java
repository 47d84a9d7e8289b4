package io.switchboard.voice;

import io.switchboard.voice.flow.QueuedCallback;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A call session's queued callback: where it stands, its events, and the rounds that call the
 * caller back after they hung up (ADR 0005). The session stays open for it, so that it is the
 * caller's place: it asks for an agent as a caller on hold would, continuing as new while it waits,
 * then calls the caller back and connects the agent; a round whose agent missed the call starts
 * again with the calls the flow allows that are left.
 */
final class SessionCallback {

  /** The callback waits this long for the caller's hang-up before it asks for an agent. */
  static final Duration HANG_UP_GRACE = Duration.ofSeconds(10);

  /** What the callback needs of its session while it waits. */
  interface Session {
    boolean ended();

    boolean historyIsLong();

    /** Hands the session, callback included, to a new run; does not return. */
    void continueAsNew();
  }

  private final CallSessionInput input;
  private final VoiceActivities activities;
  private final List<Promise<Void>> pendingWrites;

  /** {@code requested}, {@code calling}, {@code answered}, ...; null without a callback. */
  private String state;

  /** Calls to the caller that finished rounds placed. */
  private int calls;

  SessionCallback(
      CallSessionInput input, VoiceActivities activities, List<Promise<Void>> pendingWrites) {
    this.input = input;
    this.activities = activities;
    this.pendingWrites = pendingWrites;
  }

  /** Where a callback the previous run carried stood. */
  void restore(String carriedState, Integer carriedCalls) {
    state = carriedState;
    calls = carriedCalls == null ? 0 : carriedCalls;
  }

  /** Where the callback stands, or null without one. */
  String state() {
    return state;
  }

  int calls() {
    return calls;
  }

  /** The caller took the offer at a route node. */
  void requested(String node) {
    event("requested", "queue node " + node);
  }

  /** The rounds, from the caller's hang-up until one ends the callback. */
  void run(QueuedCallback request, Session session) {
    Workflow.await(HANG_UP_GRACE, session::ended);
    int allowed = request.option().attemptsOrDefault();
    while (true) {
      QueuedCallbackCall call = new QueuedCallbackCall(input, request, calls);
      if (!waitForAgent(call, session)) {
        event("expired", "no agent within the callback's maxWait");
        return;
      }
      String detail = "agent " + call.agent().id() + ", outbound " + call.outboundKey();
      event("calling", detail);
      String outcome = call.place();
      calls += call.callsPlaced();
      event(outcome, detail);
      if (!"agent-missed".equals(outcome) || calls >= allowed) {
        return;
      }
    }
  }

  /** Asks for an agent until one is reserved (true) or the callback's maxWait is over (false). */
  private static boolean waitForAgent(QueuedCallbackCall call, Session session) {
    while (!call.reserveAgent()) {
      long left = call.deadlineMillis() - Workflow.currentTimeMillis();
      if (left <= 0) {
        return false;
      }
      Workflow.sleep(Duration.ofMillis(Math.min(left, QueuedCallbackCall.POLL.toMillis())));
      if (session.historyIsLong()) {
        session.continueAsNew();
      }
    }
    return true;
  }

  private void event(String newState, String detail) {
    state = newState;
    CallEventRequest event =
        new CallEventRequest(
            input.callSid(), "callback-" + newState, detail, Workflow.currentTimeMillis());
    pendingWrites.add(Async.procedure(activities::recordCallEvent, event));
    // Replay-safe, like switchboard_call_ended: ops see callbacks requested and how they ended.
    Workflow.getMetricsScope()
        .tagged(Map.of("state", newState))
        .counter("switchboard_call_callback")
        .inc(1);
  }
}

package io.switchboard.voice;

import static io.switchboard.common.SwitchboardSearchAttributes.CALL_SID;
import static io.switchboard.common.SwitchboardSearchAttributes.CHANNEL;
import static io.switchboard.common.SwitchboardSearchAttributes.COMM_STATUS;
import static io.switchboard.common.SwitchboardSearchAttributes.FLOW_NAME;

import io.switchboard.common.ParticipantNumber;
import io.switchboard.common.Retries;
import io.switchboard.voice.flow.FlowEngine;
import io.temporal.activity.ActivityOptions;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;

/**
 * The call session. Each TwiML turn is answered from the update handler without waiting for the
 * database write, which runs as an activity alongside: Twilio waits for the TwiML, not for our
 * bookkeeping, and the session waits for every write before it completes.
 */
public class CallSessionWorkflowImpl implements CallSessionWorkflow {

  /**
   * A session with no turn and no status callback for this long is over: Twilio ends calls after
   * four hours unless a longer TimeLimit is set, and a lost final callback must not keep a workflow
   * open for ever.
   */
  static final Duration MAX_IDLE = Duration.ofHours(4);

  static final String GREETING = "Welcome to Switchboard. Your call is connected. Goodbye.";

  static final String TROUBLE =
      "We are sorry, something went wrong with this call. Please call again later.";

  /**
   * Sessions from before search attributes replay without the upserts they never made; from this
   * version on, every status change is published to visibility.
   */
  static final String SEARCH_ATTRIBUTES_CHANGE = "search-attributes";

  /**
   * Sessions from before flows answered the fixed greeting; from this version on, a session whose
   * input carries a flow walks it with {@link FlowEngine}.
   */
  static final String FLOW_ENGINE_CHANGE = "flow-engine";

  /**
   * Sessions from before continue-as-new kept one history for the whole call; from this version on,
   * a long session hands its state to a new run when the history grows large.
   */
  static final String CONTINUE_AS_NEW_CHANGE = "continue-as-new";

  /**
   * Marks sessions that took a transfer into a flow (a new update, which older sessions never
   * received), so that a later change to how a transfer runs can tell these histories apart.
   */
  static final String FLOW_TRANSFER_CHANGE = "flow-transfer";

  /**
   * Sessions from before queued callbacks ended with the call; from this version on, a caller who
   * asked to be called back keeps the session (and so their place) after hanging up.
   */
  static final String QUEUED_CALLBACK_CHANGE = "queued-callback";

  /**
   * Sessions from before this version started a new idle timer (and cancelled the last one) on
   * every turn and status callback; from this version on, one timer runs until it fires.
   */
  static final String IDLE_DEADLINE_CHANGE = "idle-deadline";

  private static final Logger log = Workflow.getLogger(CallSessionWorkflowImpl.class);

  private final ActivityOptions recordOptions =
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofSeconds(10))
          .setRetryOptions(Retries.UNTIL_DONE)
          .build();

  private final VoiceActivities activities =
      Workflow.newActivityStub(VoiceActivities.class, recordOptions);

  private final CallSessionInput input;
  private final List<Promise<Void>> pendingWrites = new ArrayList<>();
  private String status = "ringing";
  private int turns;
  private int changes;
  private int lastSequence = -1;
  private boolean ended;
  private final SessionFlowServices services = new SessionFlowServices();
  private FlowEngine flow;
  private VoiceInstruction firstAnswer;

  /** Whether this run moved the call to another flow than its input's. */
  private boolean transferred;

  /** A queued callback the caller asked for, which keeps the session open after the call. */
  private final SessionCallback callback;

  @WorkflowInit
  public CallSessionWorkflowImpl(CallSessionInput input) {
    this.input = input;
    this.callback = new SessionCallback(input, activities, pendingWrites);
    SessionCarry carried = input.carried();
    if (carried != null) {
      status = carried.status();
      turns = carried.turns();
      lastSequence = carried.lastSequence();
      firstAnswer = carried.firstAnswer();
      callback.restore(carried.callback(), carried.callbackCalls());
      ended = CallStatuses.isFinal(status);
      if (carried.flow() != null && input.flow() != null) {
        flow = new FlowEngine(input.flow(), carried.flow(), services);
      }
    }
  }

  @Override
  public CallState run(CallSessionInput input) {
    ParticipantNumber.publish(input.participantFingerprint());
    if (Workflow.getVersion(IDLE_DEADLINE_CHANGE, Workflow.DEFAULT_VERSION, 1) >= 1) {
      followUntilIdle();
    } else {
      followRestartingTheIdleTimer();
    }
    if (callback.state() != null) {
      callback.run(flow.callback(), new WaitingSession());
    }
    finishWrites();
    return getState();
  }

  /**
   * Follows the call until it ends, asks for a callback, or has been idle for {@link #MAX_IDLE}.
   * One idle timer, re-armed for what is left only when it fires: a turn or a status callback does
   * not cancel and start a timer (two more history events, and timer work on the server, on every
   * turn).
   */
  private void followUntilIdle() {
    long lastChangeAt = Workflow.currentTimeMillis();
    Promise<Void> idle = Workflow.newTimer(MAX_IDLE);
    while (!ended && callback.state() == null) {
      int seen = changes;
      Promise<Void> timer = idle;
      Workflow.await(() -> ended || changes != seen || timer.isCompleted());
      long now = Workflow.currentTimeMillis();
      if (changes != seen) {
        lastChangeAt = now;
      } else if (timer.isCompleted() && !ended) {
        Duration left = MAX_IDLE.minusMillis(now - lastChangeAt);
        if (left.isNegative() || left.isZero()) {
          log.info("call session idle for {}, closing", MAX_IDLE);
          return;
        }
        idle = Workflow.newTimer(left);
      }
      if (!ended && callback.state() == null && historyIsLong()) {
        continueAsNew();
      }
    }
  }

  /** Sessions from before {@link #IDLE_DEADLINE_CHANGE}: a new idle timer after every change. */
  private void followRestartingTheIdleTimer() {
    while (!ended && callback.state() == null) {
      int seen = changes;
      boolean progressed = Workflow.await(MAX_IDLE, () -> ended || changes != seen);
      if (!progressed) {
        log.info("call session idle for {}, closing", MAX_IDLE);
        break;
      }
      if (!ended && callback.state() == null && historyIsLong()) {
        continueAsNew();
      }
    }
  }

  /** What the callback borrows from the session while it waits for an agent. */
  private final class WaitingSession implements SessionCallback.Session {
    @Override
    public boolean ended() {
      return ended;
    }

    @Override
    public boolean historyIsLong() {
      return CallSessionWorkflowImpl.this.historyIsLong();
    }

    @Override
    public void continueAsNew() {
      CallSessionWorkflowImpl.this.continueAsNew();
    }
  }

  private boolean historyIsLong() {
    Integer limit = input.maxHistoryEvents();
    boolean over = limit != null && Workflow.getInfo().getHistoryLength() > limit;
    return (over || Workflow.getInfo().isContinueAsNewSuggested())
        && Workflow.getVersion(CONTINUE_AS_NEW_CHANGE, Workflow.DEFAULT_VERSION, 1) >= 1;
  }

  /**
   * Hands the call to a new run with the same workflow id once every handler has answered: Twilio's
   * next turn (an Update) reaches the new run, which goes on where this one stopped.
   */
  private void continueAsNew() {
    finishWrites();
    SessionCarry carry =
        new SessionCarry(
            status,
            turns,
            lastSequence,
            firstAnswer,
            flow == null ? null : flow.snapshot(),
            callback.state(),
            callback.calls());
    log.info("call session continues as new after {} turns", turns);
    // After a transfer the next run must rebuild the flow the call is on now, not the first one.
    CallSessionInput next = transferred ? input.withFlow(flow.flow()) : input;
    Workflow.continueAsNew(next.carrying(carry));
  }

  /**
   * Waits until every handler has answered and every write it started has finished. A handler may
   * run while a write is awaited and start another write, hence the loop.
   */
  private void finishWrites() {
    do {
      Promise.allOf(pendingWrites).get();
      Promise.allOf(services.pendingWrites()).get();
      Workflow.await(Workflow::isEveryHandlerFinished);
    } while (!allDone(pendingWrites) || !allDone(services.pendingWrites()));
  }

  private static boolean allDone(List<Promise<Void>> writes) {
    return writes.stream().allMatch(Promise::isCompleted);
  }

  @Override
  public VoiceInstruction nextInstruction(VoiceTurn turn) {
    turns++;
    changes++;
    if (turns == 1) {
      status = "in-progress";
      record(status);
      startFlow(turn);
    }
    if (turn.kind() == VoiceTurn.TurnKind.FALLBACK) {
      // Twilio could not use what we answered last; apologise rather than repeat it.
      return VoiceInstruction.of(new VoiceInstruction.Say(TROUBLE), new VoiceInstruction.Hangup());
    }
    if (flow != null) {
      return flowTurn(turn);
    }
    return VoiceInstruction.of(new VoiceInstruction.Say(GREETING), new VoiceInstruction.Hangup());
  }

  private VoiceInstruction flowTurn(VoiceTurn turn) {
    if (turn.kind() == VoiceTurn.TurnKind.ANSWER) {
      // A duplicate first webhook the inbox did not catch hears the same start, not a new one.
      if (firstAnswer == null) {
        firstAnswer = flow.start(Workflow.currentTimeMillis());
      }
      return firstAnswer;
    }
    VoiceInstruction next =
        flow.resume(turn.step(), turn.parameters(), Workflow.currentTimeMillis());
    if (flow.callback() != null
        && callback.state() == null
        && Workflow.getVersion(QUEUED_CALLBACK_CHANGE, Workflow.DEFAULT_VERSION, 1) >= 1) {
      callback.requested(flow.callback().node());
    }
    return next;
  }

  /**
   * Pins the session to the flow it was started with. The caller attributes a branch may route on
   * come from the first webhook.
   */
  private void startFlow(VoiceTurn first) {
    if (input.flow() == null
        || Workflow.getVersion(FLOW_ENGINE_CHANGE, Workflow.DEFAULT_VERSION, 1) < 1) {
      return;
    }
    flow = new FlowEngine(input.flow(), first.parameters(), services);
    // Ops list the calls of a flow in the Temporal UI; the version is in the state query.
    Workflow.upsertTypedSearchAttributes(FLOW_NAME.valueSet(input.flow().name()));
    log.info("call follows flow {} version {}", input.flow().name(), input.flow().version());
  }

  @Override
  public void validateNextInstruction(VoiceTurn turn) {
    if (turn == null || !input.callSid().equals(turn.callSid())) {
      throw new IllegalArgumentException("turn is for another call");
    }
    if (ended) {
      throw new IllegalStateException("call has ended");
    }
  }

  @Override
  public VoiceInstruction transferToFlow(FlowTransfer transfer) {
    Workflow.getVersion(FLOW_TRANSFER_CHANGE, Workflow.DEFAULT_VERSION, 1);
    turns++;
    changes++;
    if (turns == 1) {
      status = "in-progress";
      record(status);
    }
    flow = new FlowEngine(transfer.flow(), transfer.parameters(), services);
    transferred = true;
    long now = Workflow.currentTimeMillis();
    CallEventRequest event =
        new CallEventRequest(
            input.callSid(),
            "transferred-to-flow",
            "flow " + transfer.flow().name() + " version " + transfer.flow().version(),
            now);
    pendingWrites.add(Async.procedure(activities::recordCallEvent, event));
    log.info(
        "call transferred to flow {} version {}",
        transfer.flow().name(),
        transfer.flow().version());
    return flow.start(now);
  }

  @Override
  public void validateTransferToFlow(FlowTransfer transfer) {
    if (transfer == null || !input.callSid().equals(transfer.callSid())) {
      throw new IllegalArgumentException("transfer is for another call");
    }
    if (transfer.flow() == null) {
      throw new IllegalArgumentException("a transfer needs a flow");
    }
    if (ended) {
      throw new IllegalStateException("call has ended");
    }
  }

  @Override
  public void callStatusChanged(CallStatusEvent event) {
    changes++;
    if (event.sequenceNumber() != null) {
      if (event.sequenceNumber() <= lastSequence) {
        return; // Twilio may deliver callbacks out of order; an older one changes nothing.
      }
      lastSequence = event.sequenceNumber();
    }
    if (ended) {
      return;
    }
    status = event.status();
    ended = CallStatuses.isFinal(event.status());
    record(status);
    if (ended) {
      // Replay-safe: the workflow's metrics scope emits nothing while a history is replayed.
      Workflow.getMetricsScope()
          .tagged(Map.of("status", status))
          .counter("switchboard_call_ended")
          .inc(1);
    }
  }

  @Override
  public CallState getState() {
    if (flow == null) {
      return new CallState(input.callSid(), status, turns, ended);
    }
    return new CallState(
        input.callSid(),
        status,
        turns,
        ended,
        flow.flow().name(),
        flow.flow().version(),
        flow.waitingAt(),
        variables());
  }

  /** The flow's variables, with where a queued callback stands. */
  private java.util.SortedMap<String, String> variables() {
    java.util.SortedMap<String, String> variables = flow.variables();
    if (callback.state() != null) {
      variables.put("callback", callback.state());
    }
    return variables;
  }

  private void record(String newStatus) {
    CallRecordRequest request =
        new CallRecordRequest(
            input.callSid(),
            input.accountSid(),
            input.from(),
            input.to(),
            input.direction(),
            newStatus,
            Workflow.currentTimeMillis());
    pendingWrites.add(Async.procedure(activities::recordCall, request));
    publish(newStatus);
  }

  /** Lets ops find the call by its SID and list calls by status in the Temporal UI. */
  private void publish(String newStatus) {
    if (Workflow.getVersion(SEARCH_ATTRIBUTES_CHANGE, Workflow.DEFAULT_VERSION, 1) < 1) {
      return;
    }
    Workflow.upsertTypedSearchAttributes(
        CALL_SID.valueSet(input.callSid()),
        CHANNEL.valueSet("voice"),
        COMM_STATUS.valueSet(newStatus));
  }
}

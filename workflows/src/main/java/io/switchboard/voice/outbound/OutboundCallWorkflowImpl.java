package io.switchboard.voice.outbound;

import static io.switchboard.common.SwitchboardSearchAttributes.CALL_SID;
import static io.switchboard.common.SwitchboardSearchAttributes.CHANNEL;
import static io.switchboard.common.SwitchboardSearchAttributes.COMM_STATUS;
import static io.switchboard.common.SwitchboardSearchAttributes.FLOW_NAME;

import io.switchboard.common.LocalRecords;
import io.switchboard.common.ParticipantNumber;
import io.switchboard.common.Retries;
import io.switchboard.common.TwilioFailureType;
import io.switchboard.voice.CallStatusEvent;
import io.switchboard.voice.CallStatuses;
import io.switchboard.voice.VoiceInstruction;
import io.switchboard.voice.outbound.OutboundCallActivities.PlaceRequest;
import io.switchboard.voice.outbound.OutboundCallActivities.PlacedCall;
import io.switchboard.voice.outbound.OutboundCallActivities.StatusRecord;
import io.switchboard.voice.outbound.OutboundCallActivities.TurnRequest;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.common.SearchAttributeUpdate;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
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
 * An outbound call: wait for its time, take a turn at the account's calls-per-second gate, create
 * the call at Twilio exactly once, follow its status callbacks, and place it again per the
 * request's retry policy when nobody answered. A refusal by Twilio is an outcome and completes the
 * workflow; retries exhausted on a transient error fail it, so that operators see it and can retry
 * it.
 */
public class OutboundCallWorkflowImpl implements OutboundCallWorkflow {

  /**
   * A call that sends no final status for this long (lost callbacks) is fetched from Twilio; calls
   * in progress are fetched again at this interval until they end. Unless the request says
   * otherwise ({@link OutboundCallRequest#statusCheckSeconds()}).
   */
  static final Duration STATUS_CHECK = Duration.ofMinutes(5);

  /**
   * Calls from before search attributes replay without the upserts they never made; from this
   * version on, every status change and each attempt's CallSid are published to visibility.
   */
  static final String SEARCH_ATTRIBUTES_CHANGE = "search-attributes";

  /**
   * Calls from before it took a turn (RequestTurn) and then placed the call (Place) in two
   * activities; from this version on one activity does both (PlaceWithinRate), so that the create
   * follows its grant at once and creates keep the gate's spacing.
   */
  static final String PLACE_WITHIN_RATE_CHANGE = "place-within-rate";

  private static final Logger log = Workflow.getLogger(OutboundCallWorkflowImpl.class);

  /**
   * Placing a call is bounded and input errors are final: a call must never be placed twice, and
   * 21211/21214/21215/21216-style refusals never succeed on retry. 20429 and 5xx back off.
   */
  private final ActivityOptions placeOptions =
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofSeconds(30))
          .setRetryOptions(
              RetryOptions.newBuilder()
                  .setInitialInterval(Duration.ofSeconds(1))
                  .setBackoffCoefficient(2.0)
                  .setMaximumInterval(Duration.ofSeconds(30))
                  .setMaximumAttempts(8)
                  .setDoNotRetry(TwilioFailureType.TWILIO_REJECTED.name())
                  .build())
          .build();

  /** The gate waits up to a few seconds in the activity (see the activity); then it is retried. */
  private final ActivityOptions turnOptions =
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofSeconds(30))
          .setRetryOptions(Retries.UNTIL_DONE)
          .build();

  /** Reads and database writes are safe to repeat until they succeed. */
  private final ActivityOptions defaultOptions =
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofSeconds(10))
          .setRetryOptions(
              RetryOptions.newBuilder(Retries.UNTIL_DONE)
                  .setDoNotRetry(TwilioFailureType.TWILIO_REJECTED.name())
                  .build())
          .build();

  private final OutboundCallActivities activities =
      Workflow.newActivityStub(
          OutboundCallActivities.class,
          defaultOptions,
          Map.of(
              "Place", placeOptions,
              "PlaceWithinRate", placeOptions,
              "RequestTurn", turnOptions));

  private final OutboundCallActivities localActivities =
      Workflow.newLocalActivityStub(OutboundCallActivities.class, LocalRecords.OPTIONS);

  /** Where database writes run; chosen once per run, see {@link #records()}. */
  private OutboundCallActivities records;

  private final OutboundCallRequest request;
  private final List<Promise<Void>> pendingWrites = new ArrayList<>();

  /**
   * Callbacks that arrive while the call is being created, before its CallSid is known (a retried
   * create that adopts the call an earlier attempt made); applied once the SID is known.
   */
  private final List<CallStatusEvent> early = new ArrayList<>();

  private boolean placing;
  private String status = "accepted";
  private int attempt;
  private String callSid;
  private String answeredBy;
  private String dialStatus;
  private int lastSequence = -1;
  private Integer errorCode;
  private String errorMessage;
  private boolean ended;
  private int recordCount;

  @WorkflowInit
  public OutboundCallWorkflowImpl(OutboundCallRequest request) {
    this.request = request;
  }

  @Override
  public OutboundCallState place(OutboundCallRequest request) {
    publish();
    ParticipantNumber.publish(request.participantFingerprint());
    records().recordAccepted(request);
    waitUntilCallTime();
    OutboundCallRequest.RetryPolicy retry = request.retry();
    for (int next = 1; next <= retry.maxAttempts(); next++) {
      if (next > 1) {
        change("retry-scheduled", null);
        Workflow.sleep(Duration.ofSeconds(retry.spacingSeconds()));
      }
      attempt = next;
      boolean withinRate =
          Workflow.getVersion(PLACE_WITHIN_RATE_CHANGE, Workflow.DEFAULT_VERSION, 1) >= 1;
      if (!withinRate) {
        takeTurn();
      }
      if (!placeOnce(withinRate)) {
        break;
      }
      followToTheEnd();
      if (!worthAnotherAttempt(retry)) {
        break;
      }
    }
    return finish();
  }

  @Override
  public void callStatusChanged(CallStatusEvent event) {
    if (event == null || event.status() == null) {
      return;
    }
    if (placing && callSid == null) {
      early.add(event);
      return;
    }
    boolean current =
        event.callSid() != null
            && event.callSid().equals(callSid)
            && !CallStatuses.isFinal(status)
            && (event.sequenceNumber() == null || event.sequenceNumber() > lastSequence);
    if (!current) {
      log.info("ignored a late or foreign status for outbound call {}", request.id());
      return;
    }
    if (event.sequenceNumber() != null) {
      lastSequence = event.sequenceNumber();
    }
    if (event.answeredBy() != null) {
      answeredBy = event.answeredBy();
    }
    change(event.status(), null);
  }

  @Override
  public OutboundCallState getState() {
    return new OutboundCallState(
        request.id(),
        status,
        attempt,
        callSid,
        answeredBy,
        errorCode,
        errorMessage,
        ended,
        request,
        dialStatus);
  }

  @Override
  public VoiceInstruction dialEnded(DialOutcome outcome) {
    boolean current = outcome != null && callSid != null && callSid.equals(outcome.callSid());
    if (current) {
      dialStatus = outcome.status();
    } else {
      log.info("ignored a dial outcome of another attempt of outbound call {}", request.id());
    }
    if (current && !DialOutcome.reached(dialStatus) && request.missedDial() != null) {
      return request.missedDial();
    }
    return afterTheDial(request.answer());
  }

  /** The verbs after the answer's first Dial; a hang-up when there are none. */
  private static VoiceInstruction afterTheDial(VoiceInstruction answer) {
    List<VoiceInstruction.Verb> verbs = answer == null ? List.of() : answer.verbs();
    int dial = 0;
    while (dial < verbs.size() && !(verbs.get(dial) instanceof VoiceInstruction.Dial)) {
      dial++;
    }
    List<VoiceInstruction.Verb> after =
        dial < verbs.size() ? verbs.subList(dial + 1, verbs.size()) : List.of();
    return after.isEmpty()
        ? VoiceInstruction.of(new VoiceInstruction.Hangup())
        : new VoiceInstruction(after);
  }

  private void waitUntilCallTime() {
    if (request.callAtMillis() == null) {
      return;
    }
    long wait = request.callAtMillis() - Workflow.currentTimeMillis();
    if (wait > 0) {
      change("scheduled", null);
      Workflow.sleep(Duration.ofMillis(wait));
    }
  }

  /**
   * Places the call at its turn, waiting durably between asks; throttling never uses up retry
   * attempts.
   */
  private PlacedCall placeWithinRate(PlaceRequest place) {
    OutboundCallActivities.PlaceOutcome outcome;
    while ((outcome = activities.placeWithinRate(place)).placed() == null) {
      if (!"throttled".equals(status)) {
        change("throttled", null);
      }
      Workflow.sleep(Duration.ofMillis(Math.max(1, outcome.waitMillis())));
    }
    return outcome.placed();
  }

  /** Waits, durably, until the account's calls-per-second gate grants this call a turn. */
  private void takeTurn() {
    long wait;
    while ((wait = activities.requestTurn(new TurnRequest(request.id()))) > 0) {
      if (!"throttled".equals(status)) {
        change("throttled", null);
      }
      Workflow.sleep(Duration.ofMillis(wait));
    }
  }

  /** Creates this attempt's call; false when Twilio refused it for good. */
  private boolean placeOnce(boolean withinRate) {
    String requestId = Workflow.randomUUID().toString();
    String workflowId = Workflow.getInfo().getWorkflowId();
    callSid = null;
    answeredBy = null;
    dialStatus = null;
    lastSequence = -1;
    early.clear();
    placing = true;
    try {
      PlaceRequest place = new PlaceRequest(request, attempt, requestId, workflowId);
      PlacedCall placed = withinRate ? placeWithinRate(place) : activities.place(place);
      callSid = placed.callSid();
      answeredBy = placed.answeredBy();
      change(placed.status(), null);
      placing = false;
      List<CallStatusEvent> arrived = new ArrayList<>(early);
      early.clear();
      arrived.forEach(this::callStatusChanged);
      return true;
    } catch (ActivityFailure failure) {
      ApplicationFailure cause =
          failure.getCause() instanceof ApplicationFailure application ? application : null;
      errorCode = code(cause);
      errorMessage = cause == null ? "Placing the call failed." : cause.getOriginalMessage();
      placing = false;
      change("failed", errorCode);
      if (cause == null || !TwilioFailureType.TWILIO_REJECTED.name().equals(cause.getType())) {
        finish();
        throw failure;
      }
      return false;
    }
  }

  /** Waits for a final status; when callbacks stay away, asks Twilio. */
  private void followToTheEnd() {
    while (!CallStatuses.isFinal(status)) {
      if (Workflow.await(statusCheck(), () -> CallStatuses.isFinal(status))) {
        return;
      }
      try {
        PlacedCall fetched = activities.fetch(callSid);
        if (!fetched.status().equals(status)) {
          answeredBy = fetched.answeredBy() == null ? answeredBy : fetched.answeredBy();
          change(fetched.status(), null);
        }
      } catch (ActivityFailure failure) {
        log.warn("status fetch for outbound call {} failed; waiting for callbacks", request.id());
      }
    }
  }

  /**
   * The request's wait, or {@link #STATUS_CHECK}; only a timer's length, so replay is unaffected.
   */
  private Duration statusCheck() {
    Long seconds = request.statusCheckSeconds();
    return seconds == null ? STATUS_CHECK : Duration.ofSeconds(Math.max(1, seconds));
  }

  private boolean worthAnotherAttempt(OutboundCallRequest.RetryPolicy retry) {
    return "no-answer".equals(status)
        || (retry.retryOnBusy() && "busy".equals(status))
        || (retry.retryOnMachine()
            && "completed".equals(status)
            && CallStatuses.isMachine(answeredBy));
  }

  private void change(String newStatus, Integer code) {
    status = newStatus;
    record(code);
    publish();
  }

  /**
   * Lets ops find the call by the CallSid they see in the Twilio console (the latest attempt's) and
   * list outbound calls by status or flow in the Temporal UI. Never the numbers: search attributes
   * are stored unencrypted.
   */
  private void publish() {
    if (Workflow.getVersion(SEARCH_ATTRIBUTES_CHANGE, Workflow.DEFAULT_VERSION, 1) < 1) {
      return;
    }
    List<SearchAttributeUpdate<?>> updates = new ArrayList<>();
    updates.add(CHANNEL.valueSet("voice"));
    updates.add(COMM_STATUS.valueSet(status));
    if (callSid != null) {
      updates.add(CALL_SID.valueSet(callSid));
    }
    if (request.flowName() != null) {
      updates.add(FLOW_NAME.valueSet(request.flowName()));
    }
    Workflow.upsertTypedSearchAttributes(updates.toArray(SearchAttributeUpdate<?>[]::new));
  }

  private void record(Integer code) {
    StatusRecord record =
        new StatusRecord(
            request.id(),
            ++recordCount,
            attempt,
            callSid,
            status,
            answeredBy,
            code,
            code == null ? null : errorMessage,
            ended,
            Workflow.currentTimeMillis());
    pendingWrites.add(Async.procedure(records()::recordStatus, record));
  }

  /**
   * Calls from before it recorded their acceptance and every status through activities on the
   * Temporal server; from this version on those writes are local activities ({@link LocalRecords}):
   * a call costs the server its Twilio activities only, not seven more activity tasks and the
   * workflow tasks that followed each (the account's 10 calls a second saturated the benchmark
   * machine, 2026-12-04).
   *
   * <p>Local or not, decided at the first write of the run: the accepted record, which the run
   * makes before anything can change its status.
   */
  private OutboundCallActivities records() {
    if (records == null) {
      records = LocalRecords.chosen(activities, localActivities);
    }
    return records;
  }

  private OutboundCallState finish() {
    ended = true;
    record(errorCode);
    Workflow.await(Workflow::isEveryHandlerFinished);
    Promise.allOf(pendingWrites).get();
    return getState();
  }

  private static Integer code(ApplicationFailure failure) {
    if (failure == null || failure.getDetails().getSize() == 0) {
      return null;
    }
    return failure.getDetails().get(0, Integer.class, Integer.class);
  }
}

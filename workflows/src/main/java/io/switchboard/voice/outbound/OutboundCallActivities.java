package io.switchboard.voice.outbound;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * Side effects of an outbound call. Every method is idempotent. Twilio failures are {@code
 * ApplicationFailure}s typed by {@link io.switchboard.common.TwilioFailureType} with Twilio's error
 * code as their detail.
 */
@ActivityInterface
public interface OutboundCallActivities {

  /** Records the call as accepted unless it is recorded already (the api records it first). */
  @ActivityMethod
  void recordAccepted(OutboundCallRequest request);

  /**
   * Asks the account's calls-per-second gate for a turn. Returns 0 when granted (place the call
   * now), else the milliseconds to wait before asking again. Waiting is the workflow's durable
   * timer, so throttling never uses up retry attempts.
   */
  @ActivityMethod
  long requestTurn(TurnRequest request);

  /**
   * Creates the call at Twilio, at most once per request id: a retry first looks for the call an
   * earlier attempt created before its answer was lost, and adopts it.
   */
  @ActivityMethod
  PlacedCall place(PlaceRequest request);

  /**
   * Takes the call's turn at the account's calls-per-second gate and creates the call in the same
   * activity, at most once per request id like {@link #place}, so that the create follows its grant
   * at once instead of after another activity's round trip. Returns the call, or the milliseconds
   * to wait before asking again when the turn is further away than the activity waits in place.
   */
  @ActivityMethod
  PlaceOutcome placeWithinRate(PlaceRequest request);

  /** Twilio's current view of a call, for when no final status callback arrives. */
  @ActivityMethod
  PlacedCall fetch(String callSid);

  /** Records a status of the call and of the attempt's CallSid in PostgreSQL. */
  @ActivityMethod
  void recordStatus(StatusRecord record);

  /**
   * @param id the outbound call
   */
  record TurnRequest(String id) {}

  /**
   * @param placed the call Twilio created, or null when throttled
   * @param waitMillis when throttled, how long to wait before asking again; else 0
   */
  record PlaceOutcome(PlacedCall placed, long waitMillis) {
    public static PlaceOutcome placed(PlacedCall call) {
      return new PlaceOutcome(call, 0);
    }

    public static PlaceOutcome throttled(long waitMillis) {
      return new PlaceOutcome(null, waitMillis);
    }
  }

  /**
   * @param request the call
   * @param attempt which attempt this is, from 1
   * @param requestId made once per attempt by the workflow, so that every activity retry is the
   *     same call
   * @param workflowId where Twilio's status callbacks and answer webhook point
   */
  record PlaceRequest(
      OutboundCallRequest request, int attempt, String requestId, String workflowId) {}

  /**
   * @param callSid Twilio's CallSid
   * @param status Twilio's status
   * @param answeredBy Twilio's AnsweredBy, if known
   */
  record PlacedCall(String callSid, String status, String answeredBy) {}

  /**
   * @param id the outbound call
   * @param sequence the workflow's count of its records, from 1: the order of the statuses
   * @param attempt the attempt it concerns
   * @param callSid the attempt's CallSid, if any
   * @param status the status
   * @param answeredBy AnsweredBy, if known
   * @param errorCode Twilio's error code, if any
   * @param errorMessage why it failed, if it did
   * @param finished whether the workflow is done with the call
   * @param occurredAtMillis workflow time, epoch milliseconds
   */
  record StatusRecord(
      String id,
      int sequence,
      int attempt,
      String callSid,
      String status,
      String answeredBy,
      Integer errorCode,
      String errorMessage,
      boolean finished,
      long occurredAtMillis) {}
}

package io.switchboard.voice;

import io.switchboard.voice.flow.Flow;

/**
 * What the first voice webhook of a call tells us about it.
 *
 * @param callSid Twilio's CallSid
 * @param accountSid the Twilio account the call belongs to
 * @param from the caller's number (personal data: never logged)
 * @param to our number that was called
 * @param direction Twilio's direction, for example {@code inbound}
 * @param startedAtMillis when the first webhook reached us, epoch milliseconds
 * @param flow the flow the call runs, pinned at its start (a later publish never changes it), or
 *     null for the built-in greeting
 * @param maxHistoryEvents continue as new past this many history events, besides whenever the
 *     server suggests it; null for the server's suggestion only
 * @param carried the previous run's state when this run continues a long session, else null
 * @param participantFingerprint the keyed fingerprint of the other party's number (the caller of an
 *     inbound call, the called number of an outbound one), published as the {@code
 *     ParticipantNumber} search attribute; null in inputs from before it existed
 */
public record CallSessionInput(
    String callSid,
    String accountSid,
    String from,
    String to,
    String direction,
    long startedAtMillis,
    Flow flow,
    Integer maxHistoryEvents,
    SessionCarry carried,
    String participantFingerprint) {

  public CallSessionInput(
      String callSid,
      String accountSid,
      String from,
      String to,
      String direction,
      long startedAtMillis,
      Flow flow,
      Integer maxHistoryEvents,
      SessionCarry carried) {
    this(
        callSid,
        accountSid,
        from,
        to,
        direction,
        startedAtMillis,
        flow,
        maxHistoryEvents,
        carried,
        null);
  }

  /** The same call, with the other party's fingerprint. */
  public CallSessionInput withParticipantFingerprint(String fingerprint) {
    return new CallSessionInput(
        callSid,
        accountSid,
        from,
        to,
        direction,
        startedAtMillis,
        flow,
        maxHistoryEvents,
        carried,
        fingerprint);
  }

  /** The other party's number: the caller, or the number we called. */
  public String participantNumber() {
    return direction != null && direction.startsWith("outbound") ? to : from;
  }

  public CallSessionInput(
      String callSid,
      String accountSid,
      String from,
      String to,
      String direction,
      long startedAtMillis,
      Flow flow) {
    this(callSid, accountSid, from, to, direction, startedAtMillis, flow, null, null);
  }

  /** The same call, continued by a new run with this state. */
  public CallSessionInput carrying(SessionCarry state) {
    return new CallSessionInput(
        callSid,
        accountSid,
        from,
        to,
        direction,
        startedAtMillis,
        flow,
        maxHistoryEvents,
        state,
        participantFingerprint);
  }

  /** The same call on another flow (after a transfer), for the run that continues it. */
  public CallSessionInput withFlow(Flow newFlow) {
    return new CallSessionInput(
        callSid,
        accountSid,
        from,
        to,
        direction,
        startedAtMillis,
        newFlow,
        maxHistoryEvents,
        carried,
        participantFingerprint);
  }

  public CallSessionInput(
      String callSid,
      String accountSid,
      String from,
      String to,
      String direction,
      long startedAtMillis) {
    this(callSid, accountSid, from, to, direction, startedAtMillis, null);
  }
}

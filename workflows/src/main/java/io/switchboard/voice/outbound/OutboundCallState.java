package io.switchboard.voice.outbound;

/**
 * What an outbound call's workflow knows, answered by the {@code getState} query.
 *
 * @param id the idempotency key
 * @param status {@code scheduled}, {@code throttled}, {@code placing}, then Twilio's call status of
 *     the current attempt ({@code queued}, {@code ringing}, {@code in-progress}, final ones), or
 *     {@code retry-scheduled} between attempts
 * @param attempt the attempt under way or last made, from 1; 0 before the first
 * @param callSid the CallSid of the current or last attempt, or null
 * @param answeredBy Twilio's AnsweredBy when machine detection was on, else null
 * @param errorCode Twilio's error code when the call was refused, else null
 * @param errorMessage why, when it was refused
 * @param ended whether the workflow is done with the call
 * @param request what was asked for (the flow or TwiML and the machine action the voice webhook
 *     needs when the call is answered)
 * @param dialStatus how the current attempt's {@code answer} Dial ended (Twilio's DialCallStatus:
 *     {@code completed}, {@code answered}, {@code busy}, {@code no-answer}, {@code failed}, {@code
 *     canceled}) when its action reported it, else null
 */
public record OutboundCallState(
    String id,
    String status,
    int attempt,
    String callSid,
    String answeredBy,
    Integer errorCode,
    String errorMessage,
    boolean ended,
    OutboundCallRequest request,
    String dialStatus) {

  public OutboundCallState(
      String id,
      String status,
      int attempt,
      String callSid,
      String answeredBy,
      Integer errorCode,
      String errorMessage,
      boolean ended,
      OutboundCallRequest request) {
    this(id, status, attempt, callSid, answeredBy, errorCode, errorMessage, ended, request, null);
  }
}

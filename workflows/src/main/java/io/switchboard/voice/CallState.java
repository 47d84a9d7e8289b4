package io.switchboard.voice;

/**
 * What a call session knows about its call, answered by the {@code getState} query.
 *
 * @param callSid the call
 * @param status the last call status Twilio reported, or {@code in-progress} once answered
 * @param turns how many TwiML turns the session has answered
 * @param ended whether the call has ended
 */
public record CallState(String callSid, String status, int turns, boolean ended) {}

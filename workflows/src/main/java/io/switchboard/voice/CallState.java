package io.switchboard.voice;

import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a call session knows about its call, answered by the {@code getState} query.
 *
 * @param callSid the call
 * @param status the last call status Twilio reported, or {@code in-progress} once answered
 * @param turns how many TwiML turns the session has answered
 * @param ended whether the call has ended
 * @param flowName the flow the call runs, or null for the built-in greeting
 * @param flowVersion the flow's version the call is pinned to, or 0
 * @param node the flow node waiting for Twilio, or null
 * @param variables what the flow has collected (input, recordings, set variables), sorted
 */
public record CallState(
    String callSid,
    String status,
    int turns,
    boolean ended,
    String flowName,
    int flowVersion,
    String node,
    SortedMap<String, String> variables) {

  public CallState {
    variables = variables == null ? new TreeMap<>() : new TreeMap<>(variables);
  }

  public CallState(String callSid, String status, int turns, boolean ended) {
    this(callSid, status, turns, ended, null, 0, null, null);
  }
}

package io.switchboard.voice.flow;

import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A question to an external routing service. The caller's number is not in it: the service routes
 * on the caller's region and what the flow collected.
 *
 * @param url the service's URL, from the flow
 * @param timeoutMillis how long the caller may wait for it
 * @param callSid the call, so that the service can correlate
 * @param node the flow node asking
 * @param attributes caller attributes (FromCountry, FromState, ...)
 * @param variables what the flow has collected so far
 */
public record DecisionRequest(
    String url,
    int timeoutMillis,
    String callSid,
    String node,
    SortedMap<String, String> attributes,
    SortedMap<String, String> variables) {

  public DecisionRequest {
    attributes = attributes == null ? new TreeMap<>() : new TreeMap<>(attributes);
    variables = variables == null ? new TreeMap<>() : new TreeMap<>(variables);
  }
}

package io.switchboard.voice.flow;

import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Where a call is in its flow, carried across continue-as-new so that the next run goes on exactly
 * where this one stopped.
 *
 * @param callSid the call
 * @param attributes the caller attributes a branch routes on
 * @param variables what the flow has collected
 * @param waitingAt the node waiting for Twilio, or null
 * @param attempts re-prompts used at that node
 * @param ended whether the flow has hung up
 * @param reserved an agent reserved for the caller and not yet dialled, or null
 * @param escalated whether a queued caller is leaving for the escalation target
 * @param enqueuedAtMillis when the caller was queued, workflow time
 * @param callback the callback the caller asked for, or null
 */
public record FlowSnapshot(
    String callSid,
    SortedMap<String, String> attributes,
    SortedMap<String, String> variables,
    String waitingAt,
    int attempts,
    boolean ended,
    Agent reserved,
    boolean escalated,
    long enqueuedAtMillis,
    QueuedCallback callback) {

  public FlowSnapshot {
    attributes = attributes == null ? new TreeMap<>() : new TreeMap<>(attributes);
    variables = variables == null ? new TreeMap<>() : new TreeMap<>(variables);
  }
}

package io.switchboard.voice;

import io.switchboard.voice.flow.FlowSnapshot;

/**
 * What one run of a long call session hands to the next when it continues as new.
 *
 * @param status the last call status
 * @param turns the turns answered so far
 * @param lastSequence the SequenceNumber of the last status callback applied
 * @param firstAnswer the answer to the first webhook, for a late duplicate of it
 * @param flow where the call is in its flow, or null without one
 * @param callback where a queued callback stands ({@code requested}, {@code agent-missed}), or null
 *     without one
 * @param callbackCalls calls to the caller that the callback's finished rounds placed; null in
 *     carries from before rounds
 */
public record SessionCarry(
    String status,
    int turns,
    int lastSequence,
    VoiceInstruction firstAnswer,
    FlowSnapshot flow,
    String callback,
    Integer callbackCalls) {

  public SessionCarry(
      String status,
      int turns,
      int lastSequence,
      VoiceInstruction firstAnswer,
      FlowSnapshot flow,
      String callback) {
    this(status, turns, lastSequence, firstAnswer, flow, callback, null);
  }
}

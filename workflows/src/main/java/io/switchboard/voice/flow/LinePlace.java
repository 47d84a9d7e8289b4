package io.switchboard.voice.flow;

/**
 * What a wait turn's ask for an agent found: the agent reserved, or the caller's place in line.
 *
 * @param agent the agent reserved for the caller, or null when none is free for them
 * @param ahead how many callers are ahead of this one for the agents who could serve them (by
 *     priority, then time waited), or null when there is no line (switched off, a dry run, or an
 *     ask that failed): the position said is then Twilio's {@code QueuePosition}
 */
public record LinePlace(Agent agent, Integer ahead) {

  /** The caller's place as said on hold: one more than the callers ahead, or Twilio's. */
  public String position(String queuePosition) {
    if (ahead != null) {
      return String.valueOf(ahead + 1);
    }
    return queuePosition == null ? "1" : queuePosition;
  }
}

package io.switchboard.voice.flow;

import java.util.List;

/**
 * Asks for the best free agent with every skill, for a caller in line.
 *
 * @param callSid the call the agent is for
 * @param skills the skills needed, all of them
 * @param requestId the same for a retry of the same reservation, so that a retry reserves the agent
 *     the first attempt did rather than a second one
 * @param waitingSinceMillis when the caller joined the line (the queue, or the queue a callback
 *     keeps their place in), workflow time; null in requests from before the line (then: now)
 * @param priority the caller's priority in line (the route node's), higher first; null for 0
 * @param callback whether the caller waits for a queued callback (off the line, after hanging up)
 */
public record AgentRequest(
    String callSid,
    List<String> skills,
    String requestId,
    Long waitingSinceMillis,
    Integer priority,
    boolean callback) {

  public AgentRequest {
    skills = skills == null ? List.of() : List.copyOf(skills);
  }

  public AgentRequest(String callSid, List<String> skills, String requestId) {
    this(callSid, skills, requestId, null, null, false);
  }

  /** The same ask under another request id. */
  public AgentRequest withRequestId(String id) {
    return new AgentRequest(callSid, skills, id, waitingSinceMillis, priority, callback);
  }
}

package io.switchboard.voice.flow;

import java.util.List;

/**
 * Asks for the best free agent with every skill.
 *
 * @param callSid the call the agent is for
 * @param skills the skills needed, all of them
 * @param requestId the same for a retry of the same reservation, so that a retry reserves the agent
 *     the first attempt did rather than a second one
 */
public record AgentRequest(String callSid, List<String> skills, String requestId) {

  public AgentRequest {
    skills = skills == null ? List.of() : List.copyOf(skills);
  }
}

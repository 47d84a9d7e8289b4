package io.switchboard.voice;

import java.time.Instant;
import java.util.List;

/**
 * An agent in the registry.
 *
 * @param id chosen by whoever registers the agent
 * @param name a display name
 * @param target whom to dial: E.164, {@code sip:…} or {@code client:…}
 * @param skills what the agent can handle
 * @param priority offered calls before agents with a lower one
 * @param available whether the agent can take a call now
 * @param reservedFor the CallSid the agent was last reserved for, while unavailable, else null
 * @param updatedAt the last change
 */
public record AgentRow(
    String id,
    String name,
    String target,
    List<String> skills,
    int priority,
    boolean available,
    String reservedFor,
    Instant updatedAt) {

  public AgentRow {
    skills = skills == null ? List.of() : List.copyOf(skills);
  }
}

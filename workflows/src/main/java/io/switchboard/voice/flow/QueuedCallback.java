package io.switchboard.voice.flow;

import java.util.List;

/**
 * A caller who asked to be called back from a route node's queue and hung up: what the session
 * needs to keep their place and call them back.
 *
 * @param node the route node
 * @param skills the skills an agent needs, as for a caller waiting on the line
 * @param option the node's callback settings
 * @param enqueuedAtMillis when the caller joined the queue, workflow time
 * @param requestedAtMillis when they asked for the callback, workflow time
 * @param agentRingSeconds how long the agent's phone rings once the caller answers: the route
 *     node's {@code timeout}, or null for the default
 * @param priority the route node's priority in line, or null for 0
 */
public record QueuedCallback(
    String node,
    List<String> skills,
    CallbackOption option,
    long enqueuedAtMillis,
    long requestedAtMillis,
    Integer agentRingSeconds,
    Integer priority) {

  public QueuedCallback {
    skills = skills == null ? List.of() : List.copyOf(skills);
  }

  public QueuedCallback(
      String node,
      List<String> skills,
      CallbackOption option,
      long enqueuedAtMillis,
      long requestedAtMillis,
      Integer agentRingSeconds) {
    this(node, skills, option, enqueuedAtMillis, requestedAtMillis, agentRingSeconds, null);
  }
}

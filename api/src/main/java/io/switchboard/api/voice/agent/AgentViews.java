package io.switchboard.api.voice.agent;

import io.switchboard.voice.AgentRow;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/** What the agents API reads and writes. */
final class AgentViews {

  private AgentViews() {}

  /**
   * An agent to register or replace.
   *
   * @param name a display name
   * @param target whom to dial: E.164, {@code sip:user@host} or {@code client:identity}
   * @param skills what the agent handles: lower-case words (letters, digits, - and _)
   * @param priority offered calls before agents with a lower one (default 0)
   * @param available whether the agent takes calls now (default false)
   */
  record AgentRequest(
      @NotBlank @Size(max = 200) String name,
      @NotNull
          @Pattern(
              regexp =
                  "\\+[1-9][0-9]{6,14}|sip:[^\\s@]+@[^\\s]{1,150}|client:[A-Za-z0-9_.-]{1,121}")
          String target,
      @Size(max = 50) List<@Pattern(regexp = "[a-z0-9_-]{1,50}") String> skills,
      Integer priority,
      Boolean available) {}

  /**
   * A change of availability. Setting an agent available ends the reservation that made it busy;
   * queued callers with matching skills find it on their next wait turn.
   *
   * @param available whether the agent takes calls now
   */
  record AvailabilityRequest(@NotNull Boolean available) {}

  /**
   * An agent as the registry has it.
   *
   * @param id the agent's id
   * @param name a display name
   * @param target whom a route node dials
   * @param skills what the agent handles
   * @param priority higher is offered calls first
   * @param available whether the agent takes calls now
   * @param reservedFor the CallSid of the call the agent was reserved for, while busy
   * @param updatedAt the last change
   */
  record AgentView(
      String id,
      String name,
      String target,
      List<String> skills,
      int priority,
      boolean available,
      String reservedFor,
      Instant updatedAt) {

    static AgentView of(AgentRow row) {
      return new AgentView(
          row.id(),
          row.name(),
          row.target(),
          row.skills(),
          row.priority(),
          row.available(),
          row.reservedFor(),
          row.updatedAt());
    }
  }
}

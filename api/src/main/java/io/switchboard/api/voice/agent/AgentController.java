package io.switchboard.api.voice.agent;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.api.voice.agent.AgentViews.AgentRequest;
import io.switchboard.api.voice.agent.AgentViews.AgentView;
import io.switchboard.api.voice.agent.AgentViews.AvailabilityRequest;
import io.switchboard.api.web.NotFoundException;
import io.switchboard.voice.AgentLineProperties;
import io.switchboard.voice.AgentRepository;
import io.switchboard.voice.AgentRow;
import jakarta.validation.Valid;
import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The agent registry: who route nodes can connect callers to, with their skills, priority and
 * availability. PUT is idempotent by the agent's id, so a retried registration changes nothing.
 */
@RestController
@Tag(name = "Agents")
public class AgentController {

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  private final AgentRepository agents;
  private final Clock clock;
  private final AgentLineProperties line;

  public AgentController(AgentRepository agents, Clock clock, AgentLineProperties line) {
    this.agents = agents;
    this.clock = clock;
    this.line = line;
  }

  @GetMapping(path = "/api/agent-line", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      operationId = "getAgentLine",
      summary =
          "Callers waiting for an agent, first in line first: on hold in a route node's queue or"
              + " waiting for a queued callback (scope agents:read)")
  List<WaitingCaller> waiting() {
    List<AgentRepository.InLine> callers = agents.line(clock.instant().minus(line.liveness()));
    return java.util.stream.IntStream.range(0, callers.size())
        .mapToObj(i -> WaitingCaller.of(i + 1, callers.get(i)))
        .toList();
  }

  /**
   * A caller in line. Who is served first among callers an agent could take: higher priority, then
   * waiting longer.
   *
   * @param position place in the whole line (an agent with other skills may serve a later caller)
   * @param callSid the caller's call ({@code GET /api/calls/{callSid}})
   * @param skills what an agent needs to serve them
   * @param priority the route node's priority
   * @param waitingSince when they joined the line
   * @param callback whether they hung up and wait for a queued callback
   */
  record WaitingCaller(
      int position,
      String callSid,
      List<String> skills,
      int priority,
      java.time.Instant waitingSince,
      boolean callback) {
    static WaitingCaller of(int position, AgentRepository.InLine caller) {
      return new WaitingCaller(
          position,
          caller.callSid(),
          caller.skills(),
          caller.priority(),
          caller.waitingSince(),
          caller.callback());
    }
  }

  @PutMapping(
      path = "/api/agents/{id}",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      operationId = "putAgent",
      summary = "Register an agent or replace its details (scope agents:write)")
  AgentView put(@PathVariable String id, @Valid @RequestBody AgentRequest request) {
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("An agent id is 1-64 letters, digits, - or _.");
    }
    AgentRow row =
        new AgentRow(
            id,
            request.name(),
            request.target(),
            request.skills() == null ? List.of() : request.skills().stream().sorted().toList(),
            request.priority() == null ? 0 : request.priority(),
            Boolean.TRUE.equals(request.available()),
            null,
            clock.instant());
    agents.save(row, clock.instant());
    return get(id);
  }

  @GetMapping(path = "/api/agents", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(operationId = "listAgents", summary = "Every agent (scope agents:read)")
  List<AgentView> list() {
    return agents.findAll().stream().map(AgentView::of).toList();
  }

  @GetMapping(path = "/api/agents/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(operationId = "getAgent", summary = "One agent (scope agents:read)")
  AgentView get(@PathVariable String id) {
    return agents
        .find(id)
        .map(AgentView::of)
        .orElseThrow(() -> new NotFoundException("No agent '" + id + "'."));
  }

  @PutMapping(
      path = "/api/agents/{id}/availability",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      operationId = "setAgentAvailability",
      summary = "Make an agent available or busy (scope agents:write)")
  AgentView availability(@PathVariable String id, @Valid @RequestBody AvailabilityRequest request) {
    if (!agents.setAvailable(id, request.available(), clock.instant())) {
      throw new NotFoundException("No agent '" + id + "'.");
    }
    return get(id);
  }
}

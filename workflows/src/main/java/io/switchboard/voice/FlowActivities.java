package io.switchboard.voice;

import io.switchboard.voice.flow.Agent;
import io.switchboard.voice.flow.AgentRelease;
import io.switchboard.voice.flow.AgentRequest;
import io.switchboard.voice.flow.ConsentRecord;
import io.switchboard.voice.flow.DecisionRequest;
import io.switchboard.voice.flow.LinePlace;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** What flow nodes need from outside: routing decisions, agents, consent. Each is idempotent. */
@ActivityInterface
public interface FlowActivities {

  /**
   * Asks the routing service; its answer ({@code {"route":"…"}}), or a typed failure when it did
   * not answer in time or answered with an error.
   */
  @ActivityMethod
  String decide(DecisionRequest request);

  /** Reserves the best free agent with every skill, or null; a retry returns the same agent. */
  @ActivityMethod
  Agent reserveAgent(AgentRequest request);

  /**
   * Reserves as {@link #reserveAgent} does; when no agent is free, also counts the callers ahead in
   * line (null without a line). A retry returns the same agent.
   */
  @ActivityMethod
  LinePlace reserveAgentInLine(AgentRequest request);

  /** Makes an agent available again whose reservation was not used; a repeat changes nothing. */
  @ActivityMethod
  void releaseAgent(AgentRelease release);

  /** Keeps the caller's recording consent where the recording pipeline checks it. */
  @ActivityMethod
  void recordConsent(ConsentRecord consent);
}

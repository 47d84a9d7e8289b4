package io.switchboard.voice.flow;

/**
 * Frees an agent whose reservation was never used (a callback nobody answered).
 *
 * @param agentId the agent
 * @param requestId the reservation's request id: an agent reserved since by someone else, or set
 *     available or unavailable by a person meanwhile, is left alone
 */
public record AgentRelease(String agentId, String requestId) {}

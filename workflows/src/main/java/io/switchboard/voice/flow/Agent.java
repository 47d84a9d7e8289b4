package io.switchboard.voice.flow;

/**
 * An agent reserved for a call.
 *
 * @param id the agent's id
 * @param target whom to dial: E.164, {@code sip:…} or {@code client:…}
 * @param priority the agent's priority (higher is offered calls first)
 */
public record Agent(String id, String target, int priority) {}

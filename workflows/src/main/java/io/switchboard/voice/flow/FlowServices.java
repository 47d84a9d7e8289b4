package io.switchboard.voice.flow;

/**
 * What a flow needs from outside the call: a routing service's decision, an agent, a place to keep
 * the caller's consent. In a call session each is an activity; in a dry run nothing answers, so
 * that a dry run never reaches a real service, reserves an agent or records consent.
 */
public interface FlowServices {

  /** No service answers: decisions fall back, no agent is free, consent is not kept. */
  FlowServices OFFLINE =
      new FlowServices() {
        @Override
        public String decide(DecisionRequest request) {
          return null;
        }

        @Override
        public Agent reserveAgent(AgentRequest request) {
          return null;
        }

        @Override
        public void recordConsent(ConsentRecord consent) {}
      };

  /** The routing service's answer, or null when it failed, timed out or said nothing. */
  String decide(DecisionRequest request);

  /** Reserves the best free agent with every skill asked for, or null when none is free. */
  Agent reserveAgent(AgentRequest request);

  /**
   * A wait turn's ask: reserves an agent as {@link #reserveAgent} does, and else says how many
   * callers are ahead. Without a line (here: any service but a call session's) the position is
   * unknown.
   */
  default LinePlace reserveAgentInLine(AgentRequest request) {
    return new LinePlace(reserveAgent(request), null);
  }

  /** Keeps the caller's answer to the recording-consent question. */
  void recordConsent(ConsentRecord consent);
}

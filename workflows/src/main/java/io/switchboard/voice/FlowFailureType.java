package io.switchboard.voice;

/** Why a flow activity failed, as the type of its {@code ApplicationFailure}. */
public enum FlowFailureType {
  /** The routing service did not answer within the node's timeout. */
  DECISION_TIMEOUT,
  /** The routing service answered with an error status or a body without a route. */
  DECISION_FAILED
}

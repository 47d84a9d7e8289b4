package io.switchboard.simulator;

/**
 * Something that keeps simulated state (messages, calls, faults, …). {@code DELETE
 * /simulator/api/state} resets every bean of this type, so that tests and demos start clean.
 */
public interface SimulatorState {

  /** Forgets everything this bean has simulated so far. */
  void reset();
}

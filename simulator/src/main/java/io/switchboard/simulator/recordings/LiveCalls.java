package io.switchboard.simulator.recordings;

import java.util.Set;

/**
 * What recordings need to know of calls: whether one exists and its status. The Calls resource
 * implements it, so that recordings do not depend on the calls package (which depends on them).
 */
public interface LiveCalls {

  /** The call's status, or null when the simulator knows no such call. */
  String status(String callSid);

  /**
   * The call's From and To, for per-number faults on its recordings' callbacks; empty if unknown.
   */
  Set<String> numbers(String callSid);
}

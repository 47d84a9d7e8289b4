package io.switchboard.simulator.twiml;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The calls waiting in each queue, in the order they joined: what Twilio reports to a wait URL as
 * {@code QueuePosition} and {@code CurrentQueueSize}. Queues are the account's, so every call the
 * simulator runs shares them.
 */
final class QueueMembers {

  private static final Map<String, Set<String>> QUEUES = new HashMap<>();

  private QueueMembers() {}

  static synchronized void join(String queueSid, String callSid) {
    QUEUES.computeIfAbsent(queueSid, sid -> new LinkedHashSet<>()).add(callSid);
  }

  static synchronized void leave(String queueSid, String callSid) {
    Set<String> members = QUEUES.get(queueSid);
    if (members != null && members.remove(callSid) && members.isEmpty()) {
      QUEUES.remove(queueSid);
    }
  }

  /** The call's place, from 1; 1 as well for a call not in the queue. */
  static synchronized int position(String queueSid, String callSid) {
    List<String> members = new ArrayList<>(QUEUES.getOrDefault(queueSid, Set.of()));
    return Math.max(1, members.indexOf(callSid) + 1);
  }

  static synchronized int size(String queueSid) {
    return Math.max(1, QUEUES.getOrDefault(queueSid, Set.of()).size());
  }
}

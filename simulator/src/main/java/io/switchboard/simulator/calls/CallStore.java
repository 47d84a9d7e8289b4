package io.switchboard.simulator.calls;

import io.switchboard.simulator.SimulatorState;
import io.switchboard.simulator.recordings.LiveCalls;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/** The simulated account's calls, newest first as Twilio lists them. */
@Component
class CallStore implements SimulatorState, LiveCalls {

  private final Map<String, SimCall> calls = new ConcurrentHashMap<>();
  private final AtomicLong sequence = new AtomicLong();

  long nextSequence() {
    return sequence.incrementAndGet();
  }

  void save(SimCall call) {
    calls.put(call.sid, call);
  }

  Optional<SimCall> find(String sid) {
    return Optional.ofNullable(calls.get(sid));
  }

  List<SimCall> list() {
    return calls.values().stream()
        .sorted(Comparator.comparingLong((SimCall c) -> c.sequence).reversed())
        .toList();
  }

  @Override
  public String status(String callSid) {
    return find(callSid).map(SimCall::status).orElse(null);
  }

  @Override
  public Set<String> numbers(String callSid) {
    return find(callSid).map(c -> Set.of(c.from, c.to)).orElse(Set.of());
  }

  @Override
  public void reset() {
    calls.values().forEach(call -> call.end("canceled", 0));
    calls.clear();
  }
}

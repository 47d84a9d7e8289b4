package io.switchboard.simulator.messaging;

import io.switchboard.simulator.SimulatorState;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/** The simulated account's messages, newest first as Twilio lists them. */
@Component
class MessageStore implements SimulatorState {

  private final Map<String, SimMessage> messages = new ConcurrentHashMap<>();
  private final AtomicLong sequence = new AtomicLong();

  long nextSequence() {
    return sequence.incrementAndGet();
  }

  void save(SimMessage message) {
    messages.put(message.sid, message);
  }

  Optional<SimMessage> find(String sid) {
    return Optional.ofNullable(messages.get(sid));
  }

  List<SimMessage> list() {
    return messages.values().stream()
        .sorted(Comparator.comparingLong((SimMessage m) -> m.sequence).reversed())
        .toList();
  }

  @Override
  public void reset() {
    messages.clear();
  }
}

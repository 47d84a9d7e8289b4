package io.switchboard.simulator.handsets;

import io.switchboard.simulator.SimulatorState;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Component;

/**
 * What each simulated handset (a phone number outside the account) received: outbound messages once
 * delivered, and anything else a part of the simulator hands it, such as replies.
 */
@Component
public class HandsetInbox implements SimulatorState {

  private final Map<String, List<HandsetMessage>> inboxes = new ConcurrentHashMap<>();

  public void received(String number, HandsetMessage message) {
    inboxes.computeIfAbsent(number, n -> new CopyOnWriteArrayList<>()).add(message);
  }

  /** In the order received. */
  public List<HandsetMessage> messages(String number) {
    return List.copyOf(inboxes.getOrDefault(number, List.of()));
  }

  @Override
  public void reset() {
    inboxes.clear();
  }
}

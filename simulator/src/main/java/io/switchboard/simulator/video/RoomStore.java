package io.switchboard.simulator.video;

import io.switchboard.simulator.SimulatorState;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** The simulated account's rooms, found by SID or, as Twilio allows, by unique name. */
@Component
class RoomStore implements SimulatorState {

  private final Map<String, SimRoom> rooms = new ConcurrentHashMap<>();

  void save(SimRoom room) {
    rooms.put(room.sid(), room);
  }

  /** By SID, else the room in progress with that unique name (else the newest with it). */
  Optional<SimRoom> find(String sidOrName) {
    SimRoom bySid = rooms.get(sidOrName);
    if (bySid != null) {
      return Optional.of(bySid);
    }
    return rooms.values().stream()
        .filter(r -> r.uniqueName().equals(sidOrName))
        .max(java.util.Comparator.comparing(SimRoom::inProgress).thenComparing(SimRoom::created));
  }

  /** Whether a room in progress has the unique name (Twilio refuses a second one, 53113). */
  boolean nameInUse(String uniqueName) {
    return rooms.values().stream()
        .anyMatch(r -> r.uniqueName().equals(uniqueName) && r.inProgress());
  }

  @Override
  public void reset() {
    rooms.clear();
  }
}

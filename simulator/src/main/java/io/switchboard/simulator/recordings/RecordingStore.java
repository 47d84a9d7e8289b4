package io.switchboard.simulator.recordings;

import io.switchboard.simulator.SimulatorState;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** The account's recordings, deleted ones included (Twilio can still show them on request). */
@Component
class RecordingStore implements SimulatorState {

  private final Map<String, SimRecording> recordings = new ConcurrentHashMap<>();

  void save(SimRecording recording) {
    recordings.put(recording.sid, recording);
  }

  Optional<SimRecording> find(String sid) {
    return Optional.ofNullable(recordings.get(sid));
  }

  List<SimRecording> ofCall(String callSid) {
    return recordings.values().stream()
        .filter(r -> r.callSid.equals(callSid))
        .sorted(Comparator.comparing((SimRecording r) -> r.dateCreated).reversed())
        .toList();
  }

  @Override
  public void reset() {
    recordings.clear();
  }
}

package io.switchboard.simulator;

import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.RestController;

/** Resets the whole simulator: resources, handsets and faults. */
@RestController
class StateController {

  private final List<SimulatorState> states;

  StateController(List<SimulatorState> states) {
    this.states = states;
  }

  @DeleteMapping("/simulator/api/state")
  ResponseEntity<Void> reset() {
    states.forEach(SimulatorState::reset);
    return ResponseEntity.noContent().build();
  }
}

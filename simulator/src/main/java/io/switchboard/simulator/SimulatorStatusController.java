package io.switchboard.simulator;

import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Tells a client that the simulator is up and which account it plays. */
@RestController
class SimulatorStatusController {

  private final SimulatorProperties properties;

  SimulatorStatusController(SimulatorProperties properties) {
    this.properties = properties;
  }

  @GetMapping("/simulator/api/status")
  Map<String, String> status() {
    return Map.of("status", "up", "accountSid", String.valueOf(properties.accountSid()));
  }
}

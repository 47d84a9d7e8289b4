package io.switchboard.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SimulatorModeConditionTest {

  @Test
  void simulatorIsMountedWithoutTwilioCredentialsOrWhenAskedFor() {
    assertThat(SimulatorModeCondition.simulatorMode("", "")).isTrue();
    assertThat(SimulatorModeCondition.simulatorMode("simulator", "AC123")).isTrue();
    assertThat(SimulatorModeCondition.simulatorMode("SIMULATOR", "")).isTrue();
  }

  @Test
  void liveTwilioNeverAlsoServesTheSimulator() {
    assertThat(SimulatorModeCondition.simulatorMode("", "AC123")).isFalse();
    assertThat(SimulatorModeCondition.simulatorMode("live", "AC123")).isFalse();
    assertThat(SimulatorModeCondition.simulatorMode("live", "")).isFalse();
  }
}

package io.switchboard.voice.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class OutboundCallPropertiesTest {

  @Test
  void turnsAreSpacedAtTheCallsPerSecondPlusTheHeadroom() {
    assertThat(new OutboundCallProperties(1, 0.04).turnCost()).isEqualTo(Duration.ofMillis(1_040));
    assertThat(new OutboundCallProperties(10, 0.04).turnCost()).isEqualTo(Duration.ofMillis(104));
    assertThat(new OutboundCallProperties(10, 0).turnCost()).isEqualTo(Duration.ofMillis(100));
  }
}

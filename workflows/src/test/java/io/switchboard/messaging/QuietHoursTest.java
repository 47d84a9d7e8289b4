package io.switchboard.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class QuietHoursTest {

  private final QuietHours night = new QuietHours("21:00", "08:00", "America/New_York");

  @Test
  void daytimeSendsAtOnce() {
    Instant noon = Instant.parse("2025-06-02T16:00:00Z"); // 12:00 in New York (EDT)
    assertThat(night.nextAllowed(noon)).isEqualTo(noon);
  }

  @Test
  void lateEveningWaitsForTheNextMorningInTheRecipientsZone() {
    Instant late = Instant.parse("2025-06-03T02:30:00Z"); // 22:30 in New York
    assertThat(night.nextAllowed(late)).isEqualTo(Instant.parse("2025-06-03T12:00:00Z"));
  }

  @Test
  void earlyMorningWaitsUntilTheWindowEndsTheSameDay() {
    Instant early = Instant.parse("2025-06-03T09:00:00Z"); // 05:00 in New York
    assertThat(night.nextAllowed(early)).isEqualTo(Instant.parse("2025-06-03T12:00:00Z"));
  }
}

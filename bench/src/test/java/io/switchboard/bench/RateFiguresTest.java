package io.switchboard.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateFiguresTest {

  private static final Instant T0 = Instant.parse("2026-12-03T06:00:00Z");

  private static List<Instant> evenly(int count, Duration gap) {
    List<Instant> times = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      times.add(T0.plus(gap.multipliedBy(i)));
    }
    return times;
  }

  @Test
  void creationsExactlyAtTheRateFillAWindowWithoutOvershoot() {
    RateFigures figures = RateFigures.of(evenly(200, Duration.ofMillis(100)));

    assertThat(figures.achieved()).isCloseTo(10.0, within(1e-9));
    assertThat(figures.maxInOneSecond()).isEqualTo(10);
    assertThat(figures.minGap()).isEqualTo(Duration.ofMillis(100));
    assertThat(figures.overshoots(10)).isFalse();
    assertThat(figures.deviationPercent(10)).isCloseTo(0.0, within(1e-9));
  }

  @Test
  void oneCreationAheadOfItsTurnIsAnOvershootThoughTheAverageIsOnRate() {
    List<Instant> times = new ArrayList<>(evenly(100, Duration.ofMillis(100)));
    // The eleventh create came 50 ms early: eleven creations within one second.
    times.set(10, times.get(10).minusMillis(50));

    RateFigures figures = RateFigures.of(times);

    assertThat(figures.maxInOneSecond()).isEqualTo(11);
    assertThat(figures.minGap()).isEqualTo(Duration.ofMillis(50));
    assertThat(figures.overshoots(10)).isTrue();
    assertThat(figures.deviationPercent(10)).isCloseTo(0.0, within(1e-9));
  }

  @Test
  void aBurstThatIgnoresTheRateIsReportedAsSuch() {
    RateFigures figures = RateFigures.of(evenly(30, Duration.ofMillis(10)));

    assertThat(figures.maxInOneSecond()).isEqualTo(30);
    assertThat(figures.overshoots(10)).isTrue();
    assertThat(figures.deviationPercent(10)).isCloseTo(900.0, within(1e-6));
  }
}

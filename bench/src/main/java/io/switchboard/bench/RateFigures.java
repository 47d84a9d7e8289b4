package io.switchboard.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * How closely creations at Twilio followed a configured rate.
 *
 * @param count creations
 * @param achieved creations per second over the whole run: (count - 1) over first to last
 * @param maxInOneSecond the most creations in any one-second window (half open, [t, t + 1 s))
 * @param minGap the shortest time between two consecutive creations
 */
record RateFigures(
    int count, double achieved, int maxInOneSecond, Duration minGap, List<Integer> perSecond) {

  /**
   * Reads the figures from creation times in order. Every window that can hold the most creations
   * starts at a creation, so sliding a window from each creation finds the maximum.
   */
  static RateFigures of(List<Instant> times) {
    if (times.size() < 2) {
      return new RateFigures(times.size(), 0, times.size(), Duration.ZERO, List.of(times.size()));
    }
    int max = 0;
    int end = 0;
    Duration minGap = null;
    for (int start = 0; start < times.size(); start++) {
      Instant limit = times.get(start).plusSeconds(1);
      while (end < times.size() && times.get(end).isBefore(limit)) {
        end++;
      }
      max = Math.max(max, end - start);
      if (start > 0) {
        Duration gap = Duration.between(times.get(start - 1), times.get(start));
        minGap = minGap == null || gap.compareTo(minGap) < 0 ? gap : minGap;
      }
    }
    double seconds = Duration.between(times.get(0), times.get(times.size() - 1)).toNanos() / 1e9;
    return new RateFigures(
        times.size(), (times.size() - 1) / seconds, max, minGap, perSecond(times));
  }

  /**
   * Creations in each whole second counted from the first: where a shortfall comes from (a slow
   * start, a stall in the middle, a tail) shows in the timeline, not in the average.
   */
  private static List<Integer> perSecond(List<Instant> times) {
    Instant first = times.get(0);
    int seconds = (int) Duration.between(first, times.get(times.size() - 1)).toSeconds() + 1;
    int[] counts = new int[seconds];
    for (Instant time : times) {
      counts[(int) Duration.between(first, time).toSeconds()]++;
    }
    return Arrays.stream(counts).boxed().toList();
  }

  /** The achieved rate's distance from the configured one, in percent (negative: slower). */
  double deviationPercent(double configured) {
    return (achieved - configured) / configured * 100;
  }

  /** Whether any one-second window held more than the configured rate allows. */
  boolean overshoots(double configured) {
    return maxInOneSecond > Math.ceil(configured);
  }
}

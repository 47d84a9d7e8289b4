package io.switchboard.voice.flow;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Whether an {@code hours} node is open at an instant: in its time zone, not on a holiday, and
 * within one of the day's ranges ({@code 09:00-17:00}, start inclusive, end exclusive). The instant
 * comes from workflow time, so a replay decides the same.
 */
public final class BusinessHours {

  private BusinessHours() {}

  public static boolean isOpen(FlowNode node, Instant at) {
    ZonedDateTime local = at.atZone(ZoneId.of(node.timeZone()));
    LocalDate date = local.toLocalDate();
    List<String> holidays = node.holidays() == null ? List.of() : node.holidays();
    if (holidays.contains(date.toString())) {
      return false;
    }
    String ranges = node.weekly().get(dayKey(local.getDayOfWeek()));
    if (ranges == null || ranges.isBlank()) {
      return false;
    }
    LocalTime time = local.toLocalTime();
    for (String range : ranges.split(",")) {
      LocalTime[] bounds = parseRange(range);
      if (!time.isBefore(bounds[0]) && time.isBefore(bounds[1])) {
        return true;
      }
    }
    return false;
  }

  /** The schedule's key for a day: {@code mon} .. {@code sun}. */
  static String dayKey(DayOfWeek day) {
    return day.name().substring(0, 3).toLowerCase(Locale.ROOT);
  }

  /** Parses {@code HH:mm-HH:mm}; {@code 24:00} is the end of the day. */
  static LocalTime[] parseRange(String range) {
    String[] parts = range.trim().split("-");
    if (parts.length != 2) {
      throw new IllegalArgumentException("'" + range.trim() + "' is not HH:mm-HH:mm");
    }
    LocalTime from = LocalTime.parse(parts[0].trim());
    LocalTime to =
        "24:00".equals(parts[1].trim()) ? LocalTime.MAX : LocalTime.parse(parts[1].trim());
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException("'" + range.trim() + "' ends before it starts");
    }
    return new LocalTime[] {from, to};
  }

  /** The problems with a schedule, if any, for the validator. */
  static List<String> problems(String nodeId, FlowNode node) {
    List<String> problems = new java.util.ArrayList<>();
    try {
      ZoneId.of(node.timeZone());
    } catch (RuntimeException e) {
      problems.add("node '" + nodeId + "' has an unknown time zone '" + node.timeZone() + "'");
    }
    List<String> days = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");
    for (Map.Entry<String, String> day : new java.util.TreeMap<>(node.weekly()).entrySet()) {
      if (!days.contains(day.getKey())) {
        problems.add("node '" + nodeId + "' has an unknown day '" + day.getKey() + "'");
        continue;
      }
      for (String range : day.getValue().split(",")) {
        try {
          parseRange(range);
        } catch (RuntimeException e) {
          problems.add("node '" + nodeId + "' has a bad range on " + day.getKey() + ": " + range);
        }
      }
    }
    for (String holiday : node.holidays() == null ? List.<String>of() : node.holidays()) {
      try {
        LocalDate.parse(holiday);
      } catch (RuntimeException e) {
        problems.add("node '" + nodeId + "' has a holiday that is not a date: " + holiday);
      }
    }
    return problems;
  }
}

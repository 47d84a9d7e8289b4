package io.switchboard.messaging;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Hours in the recipient's time zone when nothing is sent. The window may wrap midnight (21:00 to
 * 08:00). Times are strings so that workflow payloads stay plain JSON.
 *
 * @param start first quiet minute, {@code HH:mm}
 * @param end first minute when sending may resume, {@code HH:mm}
 * @param zone the recipient's IANA time zone
 */
public record QuietHours(String start, String end, String zone) {

  /**
   * When a message may go out at {@code now}: {@code now} itself outside the window, else the
   * window's end. Pure java.time on the given instant, so it is deterministic in workflow code.
   */
  public Instant nextAllowed(Instant now) {
    ZonedDateTime local = now.atZone(ZoneId.of(zone));
    LocalTime from = LocalTime.parse(start);
    LocalTime until = LocalTime.parse(end);
    LocalTime time = local.toLocalTime();
    boolean wraps = from.isAfter(until);
    boolean quiet =
        wraps
            ? !time.isBefore(from) || time.isBefore(until)
            : !time.isBefore(from) && time.isBefore(until);
    if (!quiet) {
      return now;
    }
    ZonedDateTime resume = local.with(until).withSecond(0).withNano(0);
    if (!resume.isAfter(local)) {
      resume = resume.plusDays(1);
    }
    return resume.toInstant();
  }
}

package io.switchboard.simulator.rest;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * Twilio's date formats: RFC 2822 in GMT for the 2010-04-01 API ({@code Thu, 30 Jul 2015 20:12:31
 * +0000}), ISO 8601 for the newer APIs such as Video.
 */
public final class TwilioDates {

  private static final DateTimeFormatter RFC_2822 =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US)
          .withZone(ZoneOffset.UTC);

  private TwilioDates() {}

  public static String rfc2822(Instant instant) {
    return instant == null ? null : RFC_2822.format(instant);
  }

  /**
   * Reads an ISO 8601 date-time parameter. twilio-java sends {@code yyyy-MM-dd'T'HH:mm:ss} without
   * an offset, which Twilio reads as UTC; other clients send an offset or {@code Z}.
   *
   * @throws DateTimeParseException when it is neither
   */
  public static Instant parseIso(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException withoutOffset) {
      return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
    }
  }

  public static String iso(Instant instant) {
    return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}

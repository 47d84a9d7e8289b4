package io.switchboard.api.messaging;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Messaging settings of the api, which puts them into each workflow's input so that workflow code
 * reads no configuration.
 *
 * @param statusCheckAfter how long a delivery waits for a final status callback before it asks
 *     Twilio (then backing off)
 * @param quietHours when not to send, in the recipient's zone; off unless enabled
 * @param keywordReplies whether STOP, START and HELP get our auto-reply; turn off where Twilio's
 *     own opt-out management already answers them, or recipients get two replies
 */
@Validated
@ConfigurationProperties("switchboard.messaging")
public record MessagingProperties(
    @DefaultValue("2m") Duration statusCheckAfter,
    @DefaultValue QuietHoursWindow quietHours,
    @DefaultValue("true") boolean keywordReplies) {

  /**
   * @param enabled whether quiet hours apply by default (a request may still opt out)
   * @param start first quiet minute, {@code HH:mm}
   * @param end first minute sending may resume, {@code HH:mm}
   * @param defaultZone the zone for numbers whose region has none in {@code zones}
   * @param zones a zone per region code ({@code US: America/New_York}); libphonenumber knows the
   *     region but not the zone
   */
  public record QuietHoursWindow(
      @DefaultValue("false") boolean enabled,
      @DefaultValue("21:00") String start,
      @DefaultValue("08:00") String end,
      @DefaultValue("UTC") String defaultZone,
      Map<String, String> zones) {

    public QuietHoursWindow {
      zones = zones == null ? Map.of() : Map.copyOf(zones);
    }
  }
}

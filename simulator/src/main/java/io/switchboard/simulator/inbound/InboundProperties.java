package io.switchboard.simulator.inbound;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the simulator sends inbound traffic for each of our numbers, as Twilio's phone-number
 * configuration would. Numbers not listed go to the application on this server's own port ({@code
 * /webhooks/voice}, {@code /webhooks/sms}). Keys are E.164 numbers; in properties write them in
 * brackets: {@code switchboard.simulator.numbers.[+15551230000].voice-url=...}.
 *
 * @param numbers the configured numbers
 * @param callTimeout how long the synchronous inbound-call API waits for a call to end
 * @param debuggerInputWait how long a debugger call waits for the person at the keypad before it
 *     treats the Gather as silence
 */
@ConfigurationProperties("switchboard.simulator")
public record InboundProperties(
    Map<String, NumberRoute> numbers,
    @DefaultValue("60s") Duration callTimeout,
    @DefaultValue("5m") Duration debuggerInputWait) {

  public InboundProperties {
    numbers = numbers == null ? Map.of() : Map.copyOf(numbers);
  }

  /**
   * One number's webhooks.
   *
   * @param voiceUrl the voice URL, else the default
   * @param voiceMethod GET or POST (default POST)
   * @param voiceFallbackUrl the voice fallback URL, else none
   * @param smsUrl the messaging URL, else the default
   */
  public record NumberRoute(
      String voiceUrl, String voiceMethod, String voiceFallbackUrl, String smsUrl) {}
}

package io.switchboard.simulator.inbound;

import io.switchboard.simulator.inbound.InboundProperties.NumberRoute;
import java.util.Optional;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The application's webhook URLs for one of our numbers: the configured ones, else the
 * application's default paths on this server ({@code local.server.port} is known once the web
 * server runs, which is before any request can ask).
 */
@Component
public class AppWebhooks {

  private final InboundProperties properties;
  private final Environment environment;

  AppWebhooks(InboundProperties properties, Environment environment) {
    this.properties = properties;
    this.environment = environment;
  }

  public String voiceUrl(String number) {
    return route(number).map(NumberRoute::voiceUrl).orElseGet(() -> local("/webhooks/voice"));
  }

  public String voiceMethod(String number) {
    return route(number).map(NumberRoute::voiceMethod).orElse("POST");
  }

  public String voiceFallbackUrl(String number) {
    return route(number).map(NumberRoute::voiceFallbackUrl).orElse(null);
  }

  public String smsUrl(String number) {
    return route(number).map(NumberRoute::smsUrl).orElseGet(() -> local("/webhooks/sms"));
  }

  private Optional<NumberRoute> route(String number) {
    String bare = number == null ? "" : number.replaceFirst("^whatsapp:", "");
    return Optional.ofNullable(properties.numbers().get(bare));
  }

  private String local(String path) {
    String port =
        environment.getProperty(
            "local.server.port", environment.getProperty("server.port", "8080"));
    return "http://localhost:" + port + path;
  }
}

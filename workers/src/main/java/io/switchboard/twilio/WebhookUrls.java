package io.switchboard.twilio;

import io.switchboard.config.SwitchboardProperties;
import java.net.URI;
import java.util.Optional;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The URLs of our webhooks that we hand to Twilio (callbacks, redirects). Without a public URL the
 * simulator can still reach this server on its local port; live Twilio cannot, so there is none.
 */
@Component
public class WebhookUrls {

  private final SwitchboardProperties properties;
  private final Environment environment;

  public WebhookUrls(SwitchboardProperties properties, Environment environment) {
    this.properties = properties;
    this.environment = environment;
  }

  /**
   * Our URL for a path and query (already encoded), or empty when Twilio could not reach us.
   *
   * @param pathAndQuery for example {@code /webhooks/video?workflowId=video-room%3Aa}
   */
  public Optional<URI> of(String pathAndQuery) {
    String base;
    if (properties.publicUrl() != null) {
      base = properties.publicUrl().toString();
    } else if (properties.twilio().effectiveMode() == SwitchboardProperties.TwilioMode.SIMULATOR) {
      base = "http://127.0.0.1:" + environment.getProperty("local.server.port", "8080");
    } else {
      return Optional.empty();
    }
    base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    return Optional.of(URI.create(base + pathAndQuery));
  }

  /** Our URL, where the request cannot go on without one. */
  public URI required(String pathAndQuery) {
    return of(pathAndQuery)
        .orElseThrow(() -> new IllegalStateException("SWITCHBOARD_PUBLIC_URL is needed"));
  }
}

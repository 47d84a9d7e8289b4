package io.switchboard.api.security;

import io.switchboard.config.SwitchboardProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.stereotype.Component;

/**
 * The URL Twilio signed: the configured public URL with the request's raw path and query, or the
 * request's own URL when no public URL is configured (local runs, where Twilio and we agree on it).
 */
@Component
public class WebhookUrls {

  private final String publicBase;

  public WebhookUrls(SwitchboardProperties properties) {
    URI publicUrl = properties.publicUrl();
    this.publicBase =
        publicUrl == null || publicUrl.toString().isBlank()
            ? null
            : publicUrl.toString().replaceAll("/+$", "");
  }

  public String signedUrl(HttpServletRequest request) {
    String base =
        publicBase != null
            ? publicBase
            : request.getScheme()
                + "://"
                + request.getServerName()
                + portSuffix(request.getScheme(), request.getServerPort());
    String query = request.getQueryString();
    return base + request.getRequestURI() + (query == null ? "" : "?" + query);
  }

  private static String portSuffix(String scheme, int port) {
    boolean defaultPort =
        ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
    return defaultPort ? "" : ":" + port;
  }
}

package io.switchboard.api.security;

import io.switchboard.config.SwitchboardProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The URLs Twilio may have signed for a request. The base is the configured public URL, or, when
 * none is configured, the request's own URL as a trusted proxy reports it (scheme, host and port
 * from {@code X-Forwarded-*}) or as received. Beside the raw query, the query decoded and encoded
 * again is a candidate, because proxies re-encode queries ({@code %2B} for {@code +} and so on).
 * twilio-java's validator itself tries each with and without the default port.
 */
public class WebhookUrls {

  private final String publicBase;
  private final TrustedProxies proxies;

  public WebhookUrls(SwitchboardProperties properties, TrustedProxies proxies) {
    URI publicUrl = properties.publicUrl();
    this.publicBase =
        publicUrl == null || publicUrl.toString().isBlank()
            ? null
            : publicUrl.toString().replaceAll("/+$", "");
    this.proxies = proxies;
  }

  /** The candidates, most likely first. */
  public List<String> candidates(HttpServletRequest request) {
    String base = publicBase != null ? publicBase : requestBase(request);
    String path = request.getRequestURI();
    String query = request.getQueryString();
    Set<String> urls = new LinkedHashSet<>();
    urls.add(base + path + (query == null ? "" : "?" + query));
    if (query != null) {
      try {
        urls.add(base + path + "?" + reencode(FormBodies.parse(query)));
      } catch (IllegalArgumentException e) {
        // A query that does not decode has only its raw form.
      }
    }
    return List.copyOf(urls);
  }

  private String requestBase(HttpServletRequest request) {
    String scheme = request.getScheme();
    String host = request.getServerName();
    int port = request.getServerPort();
    if (proxies.trusts(request)) {
      scheme = header(request, "X-Forwarded-Proto", scheme);
      String forwardedHost = header(request, "X-Forwarded-Host", null);
      if (forwardedHost != null) {
        int colon = forwardedHost.lastIndexOf(':');
        boolean hasPort = colon > 0 && forwardedHost.indexOf(']') < colon;
        host = hasPort ? forwardedHost.substring(0, colon) : forwardedHost;
        port = hasPort ? Integer.parseInt(forwardedHost.substring(colon + 1)) : defaultPort(scheme);
      }
      String forwardedPort = header(request, "X-Forwarded-Port", null);
      if (forwardedPort != null) {
        port = Integer.parseInt(forwardedPort.trim());
      }
    }
    return scheme + "://" + host + (port == defaultPort(scheme) ? "" : ":" + port);
  }

  private static String header(HttpServletRequest request, String name, String fallback) {
    String value = request.getHeader(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    return value.split(",")[0].trim();
  }

  private static int defaultPort(String scheme) {
    return "https".equalsIgnoreCase(scheme) ? 443 : 80;
  }

  private static String reencode(Map<String, String> query) {
    return query.entrySet().stream()
        .map(
            entry ->
                URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}

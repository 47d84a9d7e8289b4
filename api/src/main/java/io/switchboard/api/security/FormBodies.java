package io.switchboard.api.security;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses {@code application/x-www-form-urlencoded} text. The signature filter must read the body
 * itself: Twilio signs body parameters and query parameters differently, and the servlet API merges
 * the two.
 */
final class FormBodies {

  private FormBodies() {}

  /**
   * Returns the parameters in the order they appear; when a name repeats, the first value wins.
   *
   * @throws IllegalArgumentException if a percent escape is malformed
   */
  static Map<String, String> parse(String body) {
    if (body == null || body.isEmpty()) {
      return Map.of();
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = decode(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
      parameters.putIfAbsent(name, value);
    }
    return Collections.unmodifiableMap(parameters);
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }
}

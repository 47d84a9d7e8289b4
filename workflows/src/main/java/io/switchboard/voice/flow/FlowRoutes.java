package io.switchboard.voice.flow;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** How the engine reads what the caller did and matches it against a node's routes. */
final class FlowRoutes {

  private FlowRoutes() {}

  /** The caller's digits or words from a Gather's action, or null for silence. */
  static String heard(Map<String, String> params) {
    String digits = params.get("Digits");
    if (digits != null && !digits.isBlank() && !"hangup".equals(digits)) {
      return digits.trim();
    }
    String speech = params.get("SpeechResult");
    return speech != null && !speech.isBlank() ? speech.trim() : null;
  }

  /**
   * The target for a value: exact, else case-insensitive, else spoken words ignoring punctuation.
   */
  static String route(Map<String, String> routes, String value) {
    if (routes == null || value == null) {
      return null;
    }
    String normal = normalise(value);
    for (Map.Entry<String, String> route : new TreeMap<>(routes).entrySet()) {
      if (route.getKey().equals(value) || normalise(route.getKey()).equals(normal)) {
        return route.getValue();
      }
    }
    return null;
  }

  private static String normalise(String value) {
    return value.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}*#]+", " ").trim();
  }
}

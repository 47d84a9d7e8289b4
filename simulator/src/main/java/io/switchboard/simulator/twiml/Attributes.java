package io.switchboard.simulator.twiml;

import org.w3c.dom.Element;

/** Reads TwiML attributes with the defaults Twilio documents for each verb. */
final class Attributes {

  private Attributes() {}

  static String text(Element element, String name, String fallback) {
    return element.hasAttribute(name) ? element.getAttribute(name) : fallback;
  }

  /** Null when the attribute is absent or blank. */
  static String optional(Element element, String name) {
    String value = element.getAttribute(name);
    return value == null || value.isBlank() ? null : value.trim();
  }

  static int integer(Element element, String name, int fallback) {
    String value = optional(element, name);
    if (value == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  static boolean bool(Element element, String name, boolean fallback) {
    String value = optional(element, name);
    return value == null ? fallback : value.equalsIgnoreCase("true");
  }

  static String body(Element element) {
    String content = element.getTextContent();
    return content == null ? "" : content.trim();
  }
}

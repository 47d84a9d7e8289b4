package io.switchboard.simulator.twiml;

import java.net.URI;

/**
 * Resolves the URLs in TwiML the way Twilio documents them: "relative or absolute", relative ones
 * against the URL of the document that holds them (RFC 3986 resolution, as a browser would).
 */
final class TwimlUrls {

  private TwimlUrls() {}

  /**
   * @param documentUrl the current document's URL; null for TwiML given inline at call creation
   * @param reference the URL as written in the TwiML, or null/blank to mean the document itself
   * @return the absolute URL
   * @throws TwimlFailure 11100 "Invalid URL format" when it cannot be made absolute
   */
  static String resolve(String documentUrl, String reference) throws TwimlFailure {
    String ref = reference == null ? "" : reference.trim();
    try {
      if (ref.isEmpty()) {
        if (documentUrl == null) {
          throw new TwimlFailure(11100, "no URL given, and inline TwiML has no document URL");
        }
        return documentUrl;
      }
      URI uri = URI.create(ref);
      if (uri.isAbsolute()) {
        return uri.toString();
      }
      if (documentUrl == null) {
        throw new TwimlFailure(11100, "relative URL '" + ref + "' in inline TwiML");
      }
      return URI.create(documentUrl).resolve(uri).toString();
    } catch (IllegalArgumentException e) {
      throw new TwimlFailure(11100, "Invalid URL format: '" + ref + "'");
    }
  }

  /** Twilio accepts GET and POST; anything else falls back to the verb's default. */
  static String method(String attribute, String fallback) {
    if (attribute == null || attribute.isBlank()) {
      return fallback;
    }
    String upper = attribute.trim().toUpperCase(java.util.Locale.ROOT);
    return upper.equals("GET") || upper.equals("POST") ? upper : fallback;
  }
}

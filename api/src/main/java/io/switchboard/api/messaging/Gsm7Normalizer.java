package io.switchboard.api.messaging;

/**
 * Replaces typographic characters that word processors insert (smart quotes, dashes, ellipses,
 * non-breaking spaces) with their ASCII forms. One of them makes a whole body UCS-2, which fits 70
 * characters per segment instead of 160; clients opt in, because the text changes.
 */
final class Gsm7Normalizer {

  private Gsm7Normalizer() {}

  static String normalize(String text) {
    if (text == null) {
      return null;
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032' -> out.append('\'');
        case '\u201C', '\u201D', '\u201E', '\u201F', '\u2033' -> out.append('"');
        case '\u2013', '\u2014', '\u2012', '\u2015', '\u2212' -> out.append('-');
        case '\u2026' -> out.append("...");
        case '\u00A0', '\u2007', '\u202F' -> out.append(' ');
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}

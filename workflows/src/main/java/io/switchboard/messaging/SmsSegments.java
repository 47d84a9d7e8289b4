package io.switchboard.messaging;

/**
 * How many SMS segments a body takes and in which encoding, as Twilio bills it. A body is GSM-7
 * only if every character is in the GSM 03.38 basic set or its extension table (extension
 * characters take two septets); one character outside makes the whole body UCS-2. A single segment
 * holds 160 septets or 70 UCS-2 units; split messages carry a header and hold 153 or 67, and a
 * two-unit character (an escape or a surrogate pair) is never cut in two.
 *
 * @param encoding {@code GSM-7} or {@code UCS-2}
 * @param segments how many segments
 * @param units septets (GSM-7) or UTF-16 units (UCS-2)
 */
public record SmsSegments(String encoding, int segments, int units) {

  public static final String GSM7 = "GSM-7";
  public static final String UCS2 = "UCS-2";

  private static final String BASIC =
      "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
          + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
  private static final String EXTENSION = "\f^{}\\[~]|€";

  public static SmsSegments of(String body) {
    String text = body == null ? "" : body;
    return isGsm7(text) ? gsm7(text) : ucs2(text);
  }

  private static boolean isGsm7(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (BASIC.indexOf(c) < 0 && EXTENSION.indexOf(c) < 0) {
        return false;
      }
    }
    return true;
  }

  private static SmsSegments gsm7(String text) {
    int septets = 0;
    for (int i = 0; i < text.length(); i++) {
      septets += EXTENSION.indexOf(text.charAt(i)) >= 0 ? 2 : 1;
    }
    if (septets <= 160) {
      return new SmsSegments(GSM7, 1, septets);
    }
    int segments = 1;
    int used = 0;
    for (int i = 0; i < text.length(); i++) {
      int size = EXTENSION.indexOf(text.charAt(i)) >= 0 ? 2 : 1;
      if (used + size > 153) {
        segments++;
        used = 0;
      }
      used += size;
    }
    return new SmsSegments(GSM7, segments, septets);
  }

  private static SmsSegments ucs2(String text) {
    if (text.length() <= 70) {
      return new SmsSegments(UCS2, 1, text.length());
    }
    int segments = 1;
    int used = 0;
    for (int i = 0; i < text.length(); i++) {
      int size = Character.isHighSurrogate(text.charAt(i)) && i + 1 < text.length() ? 2 : 1;
      if (used + size > 67) {
        segments++;
        used = 0;
      }
      used += size;
      i += size - 1;
    }
    return new SmsSegments(UCS2, segments, text.length());
  }
}

package io.switchboard.messaging;

import java.util.Set;

/** What kind of sender a number is, which sets its default throughput at Twilio. */
enum SenderKind {
  LONG_CODE,
  TOLL_FREE,
  SHORT_CODE;

  /** North American toll-free area codes. */
  private static final Set<String> TOLL_FREE_CODES =
      Set.of("800", "833", "844", "855", "866", "877", "888");

  /** Classifies a bare sender: short codes are 5 or 6 digits without a plus. */
  static SenderKind of(String sender) {
    if (sender.matches("\\d{5,6}")) {
      return SHORT_CODE;
    }
    if (sender.startsWith("+1") && sender.length() == 12) {
      return TOLL_FREE_CODES.contains(sender.substring(2, 5)) ? TOLL_FREE : LONG_CODE;
    }
    return LONG_CODE;
  }
}

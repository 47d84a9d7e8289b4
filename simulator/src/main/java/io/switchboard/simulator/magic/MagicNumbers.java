package io.switchboard.simulator.magic;

import io.switchboard.simulator.rest.TwilioApiException;
import java.util.Map;

/**
 * Twilio's magic phone numbers, as its test-credentials page
 * (www.twilio.com/docs/iam/test-credentials) defines them for Messages and Calls. Its tables,
 * quoted:
 *
 * <pre>
 * Messages, From:
 *   +15005550001  This phone number is invalid.                                        21212
 *   +15005550007  This phone number is not owned by your account or is not SMS-capable. 21606
 *   +15005550008  This number has an SMS message queue that is full.                   21611
 *   +15005550006  This number passes all validation.                                   No error
 *   All Others    This phone number is not owned by your account or is not SMS-capable. 21606
 * Messages, To:
 *   +15005550001  This phone number is invalid.                                        21211
 *   +15005550002  Twilio cannot route to this number.                                  21612
 *   +15005550003  Your account doesn't have the international permissions necessary
 *                 to SMS this number.                                                  21408
 *   +15005550004  This number is blocked for your account.                             21610
 *   +15005550009  This number is incapable of receiving SMS messages.                  21614
 *   All Others    Any other phone number is validated normally.                        Input-dependent
 * Calls, From:
 *   +15005550001  This phone number is invalid.                                        21212
 *   +15005550006  This number passes all validation.                                   No error
 *   All Others    This phone number is not verified for your account.                  21210
 * Calls, To:
 *   +15005550001  This phone number is invalid.                                        21217
 *   +15005550002  Twilio cannot route to this number.                                  21214
 *   +15005550003  Your account doesn't have the international permissions necessary
 *                 to call this number.                                                 21215
 *   +15005550004  This number is blocked for your account.                             21216
 *   All Others    Any other phone number is validated normally.                        Input-dependent
 * </pre>
 *
 * The "All Others" rows for From are not applied: they hold for Twilio's test credentials, which
 * own no numbers, while the simulator plays a live account, whose numbers the application sends
 * from. Every other row is applied exactly.
 */
public final class MagicNumbers {

  private static final Map<String, Refusal> MESSAGE_FROM =
      Map.of(
          "+15005550001",
              new Refusal(
                  21212,
                  "The 'From' number +15005550001 is not a valid phone number, shortcode, or alphanumeric sender ID."),
          "+15005550007",
              new Refusal(
                  21606,
                  "The 'From' phone number provided is not a valid message-capable Twilio phone number for this destination/account."),
          "+15005550008",
              new Refusal(
                  21611, "This 'From' number has exceeded the maximum number of queued messages."));

  private static final Map<String, Refusal> MESSAGE_TO =
      Map.of(
          "+15005550001", new Refusal(21211, "Invalid 'To' Phone Number: +15005550001"),
          "+15005550002",
              new Refusal(
                  21612,
                  "The 'To' phone number is not currently reachable using the 'From' phone number via SMS."),
          "+15005550003",
              new Refusal(
                  21408,
                  "Permission to send an SMS has not been enabled for the region indicated by the 'To' number: +15005550003."),
          "+15005550004", new Refusal(21610, "Attempt to send to unsubscribed recipient"),
          "+15005550009", new Refusal(21614, "'To' number is not a valid mobile number"));

  private static final Map<String, Refusal> CALL_FROM =
      Map.of("+15005550001", new Refusal(21212, "Invalid From Number (caller ID): +15005550001"));

  private static final Map<String, Refusal> CALL_TO =
      Map.of(
          "+15005550001", new Refusal(21217, "Phone number does not appear to be valid"),
          "+15005550002", new Refusal(21214, "'To' phone number cannot be reached"),
          "+15005550003",
              new Refusal(
                  21215,
                  "Account not authorized to call +15005550003. Perhaps you need to enable some international permissions: https://www.twilio.com/console/voice/calls/geo-permissions/low-risk"),
          "+15005550004", new Refusal(21216, "Account not allowed to call +15005550004"));

  private MagicNumbers() {}

  /** Refuses a message as Twilio refuses the magic numbers; the sender is checked first. */
  public static void checkMessage(String from, String to) {
    refuse(lookup(MESSAGE_FROM, bare(from)));
    refuse(lookup(MESSAGE_TO, bare(to)));
  }

  /** Refuses a call as Twilio refuses the magic numbers; the caller ID is checked first. */
  public static void checkCall(String from, String to) {
    refuse(lookup(CALL_FROM, from));
    refuse(lookup(CALL_TO, to));
  }

  /** Channel addresses such as {@code whatsapp:+15005550001} carry the number after the colon. */
  private static String bare(String address) {
    if (address == null) {
      return null;
    }
    int colon = address.indexOf(':');
    return colon < 0 ? address : address.substring(colon + 1);
  }

  private static Refusal lookup(Map<String, Refusal> table, String number) {
    return number == null ? null : table.get(number);
  }

  private static void refuse(Refusal refusal) {
    if (refusal != null) {
      throw TwilioApiException.badRequest(refusal.code(), refusal.message());
    }
  }

  private record Refusal(int code, String message) {}
}

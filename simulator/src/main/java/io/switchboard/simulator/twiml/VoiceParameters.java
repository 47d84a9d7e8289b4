package io.switchboard.simulator.twiml;

import io.switchboard.simulator.voice.CallContext;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parameters Twilio sends with every voice request ("Twilio's request to your application"):
 * CallSid, AccountSid, From, To, CallStatus, ApiVersion, Direction, the legacy Caller/Called
 * aliases, the geographic fields it derives from the numbers, and AnsweredBy when machine detection
 * ran. Geography beyond the country is left empty, as Twilio does when it does not know it.
 */
final class VoiceParameters {

  private static final Map<String, String> COUNTRY_CODES =
      Map.ofEntries(
          Map.entry("+1", "US"),
          Map.entry("+44", "GB"),
          Map.entry("+49", "DE"),
          Map.entry("+33", "FR"),
          Map.entry("+34", "ES"),
          Map.entry("+39", "IT"),
          Map.entry("+31", "NL"),
          Map.entry("+61", "AU"),
          Map.entry("+81", "JP"),
          Map.entry("+91", "IN"),
          Map.entry("+55", "BR"),
          Map.entry("+52", "MX"));

  private VoiceParameters() {}

  static Map<String, String> of(CallContext call, String callStatus) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("AccountSid", call.accountSid());
    params.put("ApiVersion", "2010-04-01");
    params.put("CallSid", call.callSid());
    params.put("CallStatus", callStatus);
    params.put("Direction", call.direction());
    params.put("From", call.from());
    params.put("To", call.to());
    params.put("Caller", call.from());
    params.put("Called", call.to());
    geography(params, "From", call.from());
    geography(params, "Caller", call.from());
    geography(params, "To", call.to());
    geography(params, "Called", call.to());
    if (call.answeredBy() != null) {
      params.put("AnsweredBy", call.answeredBy());
    }
    return params;
  }

  private static void geography(Map<String, String> params, String prefix, String number) {
    params.put(prefix + "Country", country(number));
    params.put(prefix + "State", "");
    params.put(prefix + "City", "");
    params.put(prefix + "Zip", "");
  }

  /** The ISO country of an E.164 number, by its longest known calling code; empty if unknown. */
  static String country(String number) {
    if (number == null || !number.startsWith("+")) {
      return "";
    }
    for (int length = 4; length >= 2; length--) {
      if (number.length() >= length) {
        String code = COUNTRY_CODES.get(number.substring(0, length));
        if (code != null) {
          return code;
        }
      }
    }
    return "";
  }
}

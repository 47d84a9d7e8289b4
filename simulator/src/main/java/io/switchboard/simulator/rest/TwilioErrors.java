package io.switchboard.simulator.rest;

import java.util.LinkedHashMap;
import java.util.Map;

/** Twilio's error JSON: {@code code}, {@code message}, {@code more_info}, {@code status}. */
public final class TwilioErrors {

  private TwilioErrors() {}

  public static Map<String, Object> body(int httpStatus, int code, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("code", code);
    body.put("message", message);
    body.put("more_info", "https://www.twilio.com/docs/errors/" + code);
    body.put("status", httpStatus);
    return body;
  }

  public static String json(int httpStatus, int code, String message) {
    return TwilioJson.write(body(httpStatus, code, message));
  }
}

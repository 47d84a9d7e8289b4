package io.switchboard.simulator.rest;

/**
 * A request Twilio would refuse, with Twilio's error code. It becomes Twilio's error JSON, from
 * which twilio-java raises an {@code ApiException} carrying the same code.
 */
public class TwilioApiException extends RuntimeException {

  private final int httpStatus;
  private final int code;

  public TwilioApiException(int httpStatus, int code, String message) {
    super(message);
    this.httpStatus = httpStatus;
    this.code = code;
  }

  public static TwilioApiException badRequest(int code, String message) {
    return new TwilioApiException(400, code, message);
  }

  /** Twilio's answer for a resource it does not know, quoting the path the client asked for. */
  public static TwilioApiException notFound(String path) {
    return new TwilioApiException(404, 20404, "The requested resource " + path + " was not found");
  }

  public int httpStatus() {
    return httpStatus;
  }

  public int code() {
    return code;
  }
}

package io.switchboard.twilio;

import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.exception.TwilioException;
import io.switchboard.common.TwilioFailureType;
import io.temporal.failure.ApplicationFailure;
import java.util.regex.Pattern;

/**
 * Turns twilio-java's exceptions into {@link ApplicationFailure}s typed by {@link
 * TwilioFailureType}, with Twilio's error code as the detail, so that the workflows' declared retry
 * policies decide what happens next.
 */
public final class TwilioFailures {

  /** Twilio's messages quote phone numbers; failures end up in histories and logs. */
  private static final Pattern NUMBER = Pattern.compile("\\+?\\d{7,15}");

  private TwilioFailures() {}

  public static ApplicationFailure of(TwilioException e) {
    Integer code = null;
    Integer status = null;
    if (e instanceof ApiException api) {
      code = api.getCode();
      status = api.getStatusCode();
    }
    TwilioFailureType type =
        e instanceof ApiConnectionException
            ? TwilioFailureType.TWILIO_UNAVAILABLE
            : TwilioFailureType.classify(code, status);
    // The cause is left out: its message would carry the numbers that redact() removes.
    return ApplicationFailure.newFailure(redact(e.getMessage()), type.name(), code);
  }

  static String redact(String message) {
    return message == null ? "Twilio request failed" : NUMBER.matcher(message).replaceAll("…");
  }
}

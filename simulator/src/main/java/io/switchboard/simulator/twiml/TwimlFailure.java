package io.switchboard.simulator.twiml;

/**
 * Twilio could not get a usable TwiML document: the request failed (11200) or the answer was not
 * TwiML (12100, 12102). Carries Twilio's error code.
 */
final class TwimlFailure extends Exception {

  private final int errorCode;

  TwimlFailure(int errorCode, String message) {
    super(message);
    this.errorCode = errorCode;
  }

  int errorCode() {
    return errorCode;
  }
}

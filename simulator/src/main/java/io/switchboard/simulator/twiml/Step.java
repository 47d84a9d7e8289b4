package io.switchboard.simulator.twiml;

import java.util.Map;

/** What the executor does after a verb: go on, fetch another document, or end the call. */
sealed interface Step {

  /** Carry on with the next verb of the current document. */
  record Next() implements Step {}

  /**
   * Request another TwiML document (Redirect, or an action URL).
   *
   * @param thenEnd the caller has hung up: Twilio still makes the request but ignores the answer
   */
  record Fetch(String url, String method, Map<String, String> extra, boolean thenEnd)
      implements Step {
    Fetch(String url, String method, Map<String, String> extra) {
      this(url, method, extra, false);
    }
  }

  /** The call ends with this status; {@code answered} false means it never was (Reject). */
  record End(String status, boolean answered, Integer errorCode) implements Step {
    static End completed() {
      return new End("completed", true, null);
    }

    static End failed(int errorCode) {
      return new End("failed", true, errorCode);
    }
  }

  Next NEXT = new Next();
}

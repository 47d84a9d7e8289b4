package io.switchboard.simulator.twiml;

import java.util.List;

/**
 * What a {@code <Gather>} waits for, so that a caller (or the person in the debugger) knows how to
 * answer.
 *
 * @param dtmf whether keypad input counts
 * @param speech whether speech counts
 * @param numDigits how many digits end the input at once; 0 for no limit
 * @param finishOnKey the key that ends the input, or empty for none
 * @param timeoutSeconds how long Twilio waits in silence
 * @param prompts what the caller heard while Twilio listened
 */
public record InputRequest(
    boolean dtmf,
    boolean speech,
    int numDigits,
    String finishOnKey,
    int timeoutSeconds,
    List<String> prompts) {

  public InputRequest {
    prompts = List.copyOf(prompts);
  }
}

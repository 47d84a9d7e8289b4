package io.switchboard.simulator.twiml;

/**
 * The simulated caller as the TwiML executor sees it. A script answers at once; the debugger's
 * caller waits for a person at a keypad.
 */
public interface CallerInput {

  /** What {@link #respondTo} returns when the caller hangs up instead of answering. */
  String HANG_UP = "hangup";

  /**
   * The caller's answer to a {@code <Gather>}.
   *
   * @return digits such as {@code "12#"}, {@code "speech:some words"}, {@code ""} for silence, or
   *     {@link #HANG_UP}
   */
  String respondTo(InputRequest request);

  /**
   * How the caller side of a non-Gather verb goes, when the caller says so: {@code "record:7#"},
   * {@code "dial:busy"}, {@code "queue:hangup"}. Null leaves the verb's default outcome.
   *
   * @param verb the verb asking, in lower case ({@code record}, {@code dial}, {@code queue})
   */
  String directive(String verb);

  /** Whether the caller hangs up rather than wait for another TwiML document. */
  boolean hangsUpBefore(int documentsFetched);
}

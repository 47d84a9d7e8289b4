package io.switchboard.simulator.voice;

import java.util.List;

/**
 * What the simulated caller does: one input per {@code <Gather>} in order (digits such as {@code
 * "1"} or {@code "123#"}, or {@code "speech:some words"}, or {@code ""} for no input), and
 * optionally hanging up after a number of TwiML turns.
 *
 * @param inputs the inputs, consumed one per Gather; when they run out the caller stays silent
 * @param hangupAfterTurns hang up after this many TwiML documents; 0 for never
 */
public record CallerScript(List<String> inputs, int hangupAfterTurns) {

  public CallerScript {
    inputs = inputs == null ? List.of() : List.copyOf(inputs);
  }

  /** A caller who says nothing and stays on the line. */
  public static CallerScript silent() {
    return new CallerScript(List.of(), 0);
  }
}

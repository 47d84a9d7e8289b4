package io.switchboard.simulator.twiml;

import io.switchboard.simulator.voice.CallerScript;
import java.util.List;

/**
 * A caller who follows a {@link CallerScript}: inputs are taken in order by the verbs that ask. A
 * Gather takes the next input unless it is a directive meant for another verb ({@code record:},
 * {@code dial:}, {@code queue:}), in which case the caller stays silent and keeps the directive for
 * the verb it names. When the inputs run out the caller is silent and default outcomes apply.
 */
public final class ScriptedCaller implements CallerInput {

  private static final List<String> DIRECTIVES = List.of("record:", "dial:", "queue:");

  private final List<String> inputs;
  private final int hangupAfterTurns;
  private int next;

  public ScriptedCaller(CallerScript script) {
    this.inputs = script.inputs();
    this.hangupAfterTurns = script.hangupAfterTurns();
  }

  @Override
  public synchronized String respondTo(InputRequest request) {
    if (next >= inputs.size()) {
      return "";
    }
    String input = inputs.get(next);
    if (DIRECTIVES.stream().anyMatch(input::startsWith)) {
      return "";
    }
    next++;
    return input;
  }

  @Override
  public synchronized String directive(String verb) {
    if (next < inputs.size() && inputs.get(next).startsWith(verb + ":")) {
      return inputs.get(next++).substring(verb.length() + 1);
    }
    return null;
  }

  @Override
  public boolean hangsUpBefore(int documentsFetched) {
    return hangupAfterTurns > 0 && documentsFetched >= hangupAfterTurns;
  }
}

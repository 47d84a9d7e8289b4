package io.switchboard.voice.flow;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;

/**
 * A route node's queued-callback offer: while the caller waits in the queue, they hear {@code
 * prompt} and may press {@code digit} to hang up and be called back, keeping their place. When an
 * agent with the node's skills is free, the agent is reserved and the caller's number is called
 * from the number they called; answered, the caller hears {@code greeting} and is connected to the
 * agent. A call nobody answers (or a busy line) is placed again up to {@code attempts} times,
 * {@code spacing} seconds apart; then the agent is freed.
 *
 * @param digit the key that asks for the callback: one of {@code 0-9}, {@code *}, {@code #}
 * @param prompt the offer, said on every wait turn
 * @param confirmPrompt said once the caller has asked, before the call ends
 * @param greeting said when the caller answers the callback, before the agent is dialled
 * @param attempts calls placed at most, the first included (1-5, default 3)
 * @param spacing seconds between one unanswered call and the next (30-3600, default 120)
 * @param ringTimeout seconds to let the caller's phone ring (5-120, default 30)
 * @param maxWait seconds after which a callback still without an agent is given up (60-86400,
 *     default 14400)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CallbackOption(
    String digit,
    String prompt,
    String confirmPrompt,
    String greeting,
    Integer attempts,
    Integer spacing,
    Integer ringTimeout,
    Integer maxWait) {

  static final int DEFAULT_ATTEMPTS = 3;
  static final int DEFAULT_SPACING = 120;
  static final int DEFAULT_RING_TIMEOUT = 30;
  static final int DEFAULT_MAX_WAIT = 4 * 60 * 60;
  static final String DEFAULT_GREETING =
      "Hello, this is the call back you asked for. Connecting you to an agent now.";

  public int attemptsOrDefault() {
    return attempts == null ? DEFAULT_ATTEMPTS : attempts;
  }

  public int spacingOrDefault() {
    return spacing == null ? DEFAULT_SPACING : spacing;
  }

  public int ringTimeoutOrDefault() {
    return ringTimeout == null ? DEFAULT_RING_TIMEOUT : ringTimeout;
  }

  public int maxWaitOrDefault() {
    return maxWait == null ? DEFAULT_MAX_WAIT : maxWait;
  }

  public String greetingOrDefault() {
    return greeting == null || greeting.isBlank() ? DEFAULT_GREETING : greeting;
  }

  /** What is wrong with a route node's callback settings, as the validator words problems. */
  static List<String> problems(String id, CallbackOption option) {
    List<String> problems = new ArrayList<>();
    String at = "node '" + id + "' callback ";
    if (option.digit() == null || !option.digit().matches("[0-9*#]")) {
      problems.add(at + "needs a 'digit': one key of 0-9, * or #");
    }
    if (blank(option.prompt())) {
      problems.add(at + "needs a 'prompt' (the offer the waiting caller hears)");
    }
    if (blank(option.confirmPrompt())) {
      problems.add(at + "needs a 'confirmPrompt' (said before the call ends)");
    }
    range(problems, at, "attempts", option.attempts(), 1, 5);
    range(problems, at, "spacing", option.spacing(), 30, 3600);
    range(problems, at, "ringTimeout", option.ringTimeout(), 5, 120);
    range(problems, at, "maxWait", option.maxWait(), 60, 86400);
    return problems;
  }

  private static void range(
      List<String> problems, String at, String field, Integer value, int min, int max) {
    if (value != null && (value < min || value > max)) {
      problems.add(at + "'" + field + "' must be " + min + "-" + max + ", not " + value);
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}

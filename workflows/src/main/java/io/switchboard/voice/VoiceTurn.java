package io.switchboard.voice;

import java.util.Map;
import java.util.TreeMap;

/**
 * One voice webhook that needs TwiML in its response.
 *
 * @param callSid the call the webhook is for
 * @param kind which webhook it was (the call answered, a gather's action, …)
 * @param parameters the webhook's form parameters, sorted so that histories are stable
 * @param step for an {@link TurnKind#ACTION}, which action (the last path segment), else null
 */
public record VoiceTurn(
    String callSid, TurnKind kind, Map<String, String> parameters, String step) {

  public VoiceTurn {
    parameters = parameters == null ? Map.of() : new TreeMap<>(parameters);
  }

  public VoiceTurn(String callSid, TurnKind kind, Map<String, String> parameters) {
    this(callSid, kind, parameters, null);
  }

  /** Which webhook produced a turn. */
  public enum TurnKind {
    /** The call reached our number and Twilio asks what to do. */
    ANSWER,
    /** A later turn: the action of a gather, dial, record or queue, named by {@code step}. */
    ACTION,
    /** Twilio could not fetch or run our TwiML and asks the fallback URL. */
    FALLBACK
  }
}

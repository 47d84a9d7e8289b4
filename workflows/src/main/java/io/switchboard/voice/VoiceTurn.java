package io.switchboard.voice;

import java.util.Map;
import java.util.TreeMap;

/**
 * One voice webhook that needs TwiML in its response.
 *
 * @param callSid the call the webhook is for
 * @param kind which webhook it was (the call answered, a gather's action, …)
 * @param parameters the webhook's form parameters, sorted so that histories are stable
 */
public record VoiceTurn(String callSid, TurnKind kind, Map<String, String> parameters) {

  public VoiceTurn {
    parameters = parameters == null ? Map.of() : new TreeMap<>(parameters);
  }

  /** Which webhook produced a turn. */
  public enum TurnKind {
    /** The call reached our number and Twilio asks what to do. */
    ANSWER
  }
}

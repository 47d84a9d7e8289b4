package io.switchboard.voice;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/**
 * The next thing Twilio should do on a call, as data. The api renders it to TwiML with
 * twilio-java's builders; keeping it as data makes workflow histories readable in the Temporal UI
 * and keeps TwiML rendering out of deterministic code.
 *
 * @param verbs the TwiML verbs in order
 */
public record VoiceInstruction(List<Verb> verbs) {

  public VoiceInstruction {
    verbs = List.copyOf(verbs);
  }

  public static VoiceInstruction of(Verb... verbs) {
    return new VoiceInstruction(List.of(verbs));
  }

  /** One TwiML verb. */
  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "verb")
  @JsonSubTypes({
    @JsonSubTypes.Type(value = Say.class, name = "say"),
    @JsonSubTypes.Type(value = Hangup.class, name = "hangup")
  })
  public sealed interface Verb permits Say, Hangup {}

  /**
   * Speak text to the caller.
   *
   * @param text what to say
   * @param voice a Twilio voice name, or null for Twilio's default
   * @param language a BCP 47 language tag, or null for Twilio's default
   */
  public record Say(String text, String voice, String language) implements Verb {
    public Say(String text) {
      this(text, null, null);
    }
  }

  /** End the call. */
  public record Hangup() implements Verb {}
}

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
    @JsonSubTypes.Type(value = Hangup.class, name = "hangup"),
    @JsonSubTypes.Type(value = Play.class, name = "play"),
    @JsonSubTypes.Type(value = Pause.class, name = "pause"),
    @JsonSubTypes.Type(value = Gather.class, name = "gather"),
    @JsonSubTypes.Type(value = Record.class, name = "record"),
    @JsonSubTypes.Type(value = Dial.class, name = "dial"),
    @JsonSubTypes.Type(value = Redirect.class, name = "redirect"),
    @JsonSubTypes.Type(value = Enqueue.class, name = "enqueue"),
    @JsonSubTypes.Type(value = Leave.class, name = "leave"),
    @JsonSubTypes.Type(value = Conference.class, name = "conference")
  })
  public sealed interface Verb
      permits Say,
          Hangup,
          Play,
          Pause,
          Gather,
          Record,
          Dial,
          Redirect,
          Enqueue,
          Leave,
          Conference {}

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

  /**
   * Play an audio file to the caller.
   *
   * @param url the audio's URL
   */
  public record Play(String url) implements Verb {}

  /**
   * Wait silently.
   *
   * @param seconds how long
   */
  public record Pause(int seconds) implements Verb {}

  /**
   * Listen for keypad or speech input; prompts play while it listens. With {@code
   * actionOnEmptyResult} Twilio requests the action even without input, so that the session decides
   * what silence means.
   *
   * @param action the action URL (a path under {@code /webhooks/voice/})
   * @param input {@code dtmf}, {@code speech} or {@code dtmf speech}
   * @param numDigits how many digits end the input, or null for Twilio's default
   * @param timeoutSeconds silence that ends the input, or null for Twilio's default
   * @param actionOnEmptyResult whether to request the action without input
   * @param prompts the Say, Play and Pause verbs heard while listening
   */
  public record Gather(
      String action,
      String input,
      Integer numDigits,
      Integer timeoutSeconds,
      boolean actionOnEmptyResult,
      List<Verb> prompts)
      implements Verb {
    public Gather {
      prompts = prompts == null ? List.of() : List.copyOf(prompts);
    }
  }

  /**
   * Record the caller, then request the action with RecordingSid and RecordingUrl.
   *
   * @param action the action URL (a path under {@code /webhooks/voice/})
   * @param maxLengthSeconds the longest recording, or null for Twilio's default
   * @param recordingStatusCallback where Twilio reports the finished recording (relative, resolving
   *     to {@code /webhooks/recording}, which hands it to the recording pipeline), or null
   */
  public record Record(String action, Integer maxLengthSeconds, String recordingStatusCallback)
      implements Verb {
    public Record(String action, Integer maxLengthSeconds) {
      this(action, maxLengthSeconds, null);
    }
  }

  /**
   * Connect the caller to a number; when that call ends Twilio requests the action.
   *
   * @param number whom to dial: E.164, {@code sip:…} (a SIP endpoint) or {@code client:…} (a Voice
   *     SDK client identity)
   * @param action the action URL (a path under {@code /webhooks/voice/})
   * @param timeoutSeconds how long to let it ring, or null for Twilio's default
   */
  public record Dial(String number, String action, Integer timeoutSeconds) implements Verb {}

  /**
   * Fetch the next TwiML from a URL.
   *
   * @param url a path under {@code /webhooks/voice/}
   */
  public record Redirect(String url) implements Verb {}

  /**
   * Put the caller into a queue, where Twilio requests {@code waitUrl} for what to play while they
   * wait (each a turn of the session); when they leave it, Twilio requests the action with
   * QueueResult.
   *
   * @param queue the queue's name
   * @param action the action URL (a path under {@code /webhooks/voice/})
   * @param waitUrl the wait turn's URL (a path under {@code /webhooks/voice/})
   */
  public record Enqueue(String queue, String action, String waitUrl) implements Verb {}

  /** In a queue's wait TwiML: leave the queue, so that Twilio requests the Enqueue's action. */
  public record Leave() implements Verb {}

  /**
   * Put the caller into a conference; when they leave it, Twilio requests the action.
   *
   * @param room the conference's name
   * @param action the action URL (a path under {@code /webhooks/voice/})
   */
  public record Conference(String room, String action) implements Verb {}
}

package io.switchboard.simulator.twiml;

import org.w3c.dom.Element;

/**
 * The verbs that only make the caller hear something: Say, Play and Pause, top-level or nested in
 * Gather. Each is described readably and advances the simulated clock by a plausible amount.
 */
final class PromptVerbs {

  /** Twilio's voices speak at very roughly two and a half words a second. */
  private static final double WORDS_PER_SECOND = 2.5;

  /** The simulator does not fetch audio; a clip counts as five seconds. */
  private static final int CLIP_SECONDS = 5;

  private PromptVerbs() {}

  static boolean handles(String verb) {
    return verb.equals("Say") || verb.equals("Play") || verb.equals("Pause");
  }

  /** Runs the prompt and returns what the caller heard, for the transcript and the debugger. */
  static String run(CallSession session, Element verb) {
    String description =
        switch (verb.getTagName()) {
          case "Say" -> say(session, verb);
          case "Play" -> play(session, verb);
          default -> pause(session, verb);
        };
    session.verb(verb.getTagName().toLowerCase(java.util.Locale.ROOT), description);
    return description;
  }

  private static String say(CallSession session, Element say) {
    String text = Attributes.body(say);
    int loop = loops(say);
    long words = text.isBlank() ? 0 : text.split("\\s+").length;
    session.elapse(Math.round(Math.ceil(words / WORDS_PER_SECOND)) * loop);
    String voice = Attributes.optional(say, "voice");
    String language = Attributes.optional(say, "language");
    StringBuilder description = new StringBuilder("Says \"").append(text).append('"');
    if (voice != null || language != null) {
      description.append(" (").append(voice == null ? "" : voice);
      description.append(voice != null && language != null ? ", " : "");
      description.append(language == null ? "" : language).append(')');
    }
    return description.append(times(loop)).toString();
  }

  private static String play(CallSession session, Element play) {
    String digits = Attributes.optional(play, "digits");
    if (digits != null) {
      session.elapse(1);
      return "Plays the keypad tones " + digits;
    }
    int loop = loops(play);
    session.elapse((long) CLIP_SECONDS * loop);
    return "Plays audio " + Attributes.body(play) + times(loop);
  }

  private static String pause(CallSession session, Element pause) {
    int length = Math.max(0, Attributes.integer(pause, "length", 1));
    session.elapse(length);
    return "Waits " + length + " s in silence";
  }

  /** {@code loop="0"} repeats until the call ends; the simulator counts it as once. */
  private static int loops(Element element) {
    return Math.max(1, Attributes.integer(element, "loop", 1));
  }

  private static String times(int loop) {
    return loop > 1 ? ", " + loop + " times" : "";
  }
}

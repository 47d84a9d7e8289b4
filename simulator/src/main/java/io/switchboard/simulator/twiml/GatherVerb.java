package io.switchboard.simulator.twiml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;

/**
 * {@code <Gather>} as Twilio's TwiML reference defines it: input {@code dtmf} by default (or {@code
 * speech}, or both), {@code timeout} 5 s, {@code finishOnKey} {@code #} (empty for none), {@code
 * numDigits} unlimited, {@code action} the current document URL, {@code method} POST. Nested Say,
 * Play and Pause are heard first. Input sends Digits (without the finishing key) or SpeechResult
 * and Confidence to the action, and the rest of the document is never run. Without input Twilio
 * "continues to the next verb", unless {@code actionOnEmptyResult="true"} asks it to request the
 * action anyway.
 */
final class GatherVerb {

  /** What the simulated recogniser reports for scripted speech. */
  static final String SPEECH_CONFIDENCE = "0.9";

  private GatherVerb() {}

  static Step run(CallSession session, Element gather) throws TwimlFailure {
    List<String> prompts = new ArrayList<>();
    for (Element nested : TwimlParser.children(gather)) {
      if (PromptVerbs.handles(nested.getTagName())) {
        prompts.add(PromptVerbs.run(session, nested));
      } else {
        session.error(12200, "<" + nested.getTagName() + "> cannot be nested in <Gather>: ignored");
      }
    }
    String input = Attributes.text(gather, "input", "dtmf").toLowerCase(java.util.Locale.ROOT);
    String finishOnKey = Attributes.text(gather, "finishOnKey", "#");
    int timeout = Math.max(1, Attributes.integer(gather, "timeout", 5));
    InputRequest request =
        new InputRequest(
            input.contains("dtmf"),
            input.contains("speech"),
            Math.max(0, Attributes.integer(gather, "numDigits", 0)),
            finishOnKey.length() > 1 ? finishOnKey.substring(0, 1) : finishOnKey,
            timeout,
            prompts);
    session.verb("gather", "Listens for " + expected(request));
    String answer = session.caller().respondTo(request);
    if (CallerInput.HANG_UP.equals(answer)) {
      session.verb("hangup", "The caller hangs up during the Gather");
      return new Step.End("completed", true, null);
    }
    Map<String, String> result = interpret(request, answer == null ? "" : answer);
    String action = TwimlUrls.resolve(session.documentUrl(), Attributes.optional(gather, "action"));
    String method = TwimlUrls.method(gather.getAttribute("method"), "POST");
    if (result.isEmpty()) {
      session.elapse(timeout);
      if (!Attributes.bool(gather, "actionOnEmptyResult", false)) {
        session.verb("gather", "No input after " + timeout + " s: continues with the next verb");
        return Step.NEXT;
      }
      session.verb("gather", "No input after " + timeout + " s: actionOnEmptyResult sends it on");
      return new Step.Fetch(action, method, request.dtmf() ? Map.of("Digits", "") : Map.of());
    }
    session.verb("gather", "The caller " + describe(result));
    return new Step.Fetch(action, method, result);
  }

  /** Turns the caller's raw answer into the parameters Twilio would post, or none for no input. */
  static Map<String, String> interpret(InputRequest request, String answer) {
    Map<String, String> result = new LinkedHashMap<>();
    if (answer.startsWith("speech:")) {
      String words = answer.substring("speech:".length()).trim();
      if (request.speech() && !words.isEmpty()) {
        result.put("SpeechResult", words);
        result.put("Confidence", SPEECH_CONFIDENCE);
      }
      return result;
    }
    if (!request.dtmf()) {
      return result;
    }
    StringBuilder digits = new StringBuilder();
    String finishedOn = "";
    for (char key : answer.toCharArray()) {
      if ("0123456789*#".indexOf(key) < 0) {
        continue;
      }
      if (!request.finishOnKey().isEmpty() && request.finishOnKey().indexOf(key) == 0) {
        finishedOn = String.valueOf(key);
        break;
      }
      digits.append(key);
      if (request.numDigits() > 0 && digits.length() == request.numDigits()) {
        break;
      }
    }
    // Pressing only the finishing key gives Twilio nothing to send: it counts as no input.
    if (digits.length() > 0) {
      result.put("Digits", digits.toString());
      result.put("FinishedOnKey", finishedOn);
    }
    return result;
  }

  private static String expected(InputRequest request) {
    String what =
        request.dtmf() && request.speech()
            ? "keypad or speech"
            : request.speech() ? "speech" : "keypad";
    String digits = request.numDigits() > 0 ? ", " + request.numDigits() + " digit(s)" : "";
    String finish = request.finishOnKey().isEmpty() ? "" : ", ends on " + request.finishOnKey();
    return what + " input" + digits + finish + ", timeout " + request.timeoutSeconds() + " s";
  }

  private static String describe(Map<String, String> result) {
    return result.containsKey("SpeechResult")
        ? "says \"" + result.get("SpeechResult") + "\""
        : "presses " + result.get("Digits");
  }
}

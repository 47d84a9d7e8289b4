package io.switchboard.simulator.twiml;

import java.util.List;
import java.util.Locale;
import org.w3c.dom.Element;

/** Runs the verbs of one TwiML document in order until one of them leaves the document. */
final class VerbRunner {

  private VerbRunner() {}

  static Step runDocument(CallSession session, List<Element> verbs, TwimlLoader loader) {
    for (Element verb : verbs) {
      Step step;
      try {
        step = runVerb(session, verb, loader);
      } catch (TwimlFailure failure) {
        // A verb Twilio cannot carry out (a URL it cannot resolve) is an error that ends the call.
        session.error(failure.errorCode(), failure.getMessage());
        return Step.End.failed(failure.errorCode());
      }
      if (!(step instanceof Step.Next)) {
        return step;
      }
    }
    session.verb("end", "End of the TwiML document: Twilio hangs up");
    return Step.End.completed();
  }

  private static Step runVerb(CallSession session, Element verb, TwimlLoader loader)
      throws TwimlFailure {
    String name = verb.getTagName();
    if (name.equals("Reject")) {
      return reject(session, verb);
    }
    session.answer();
    if (PromptVerbs.handles(name)) {
      PromptVerbs.run(session, verb);
      return Step.NEXT;
    }
    return switch (name) {
      case "Gather" -> GatherVerb.run(session, verb);
      case "Dial" -> DialVerb.run(session, verb);
      case "Record" -> RecordVerb.run(session, verb);
      case "Enqueue" -> EnqueueVerb.run(session, verb, loader);
      case "Redirect" -> redirect(session, verb);
      case "Hangup" -> {
        session.verb("hangup", "Hangs up");
        yield Step.End.completed();
      }
      case "Leave" -> {
        session.verb("leave", "Leave outside a queue's wait TwiML: nothing to leave");
        yield Step.NEXT;
      }
      default -> {
        // Twilio logs 12200 "Schema validation warning" for elements it does not know.
        session.error(12200, "<" + name + "> is not a verb the simulator runs: skipped");
        yield Step.NEXT;
      }
    };
  }

  private static Step redirect(CallSession session, Element redirect) throws TwimlFailure {
    String url = TwimlUrls.resolve(session.documentUrl(), Attributes.body(redirect));
    String method = TwimlUrls.method(redirect.getAttribute("method"), "POST");
    session.verb("redirect", "Continues with the TwiML at " + url + " (" + method + ")");
    return new Step.Fetch(url, method, java.util.Map.of());
  }

  /**
   * Twilio: "If the first verb in a TwiML document is Reject, Twilio will not pick up the call. The
   * call ends with a status of busy or no-answer, depending on the verb's reason attribute." Only
   * an inbound call that has not been answered can be rejected; otherwise it simply ends.
   */
  private static Step reject(CallSession session, Element reject) {
    String reason = Attributes.text(reject, "reason", "rejected").toLowerCase(Locale.ROOT);
    if (session.answered() || !"inbound".equals(session.call().direction())) {
      session.verb("reject", "Reject after the call was answered: hangs up");
      return Step.End.completed();
    }
    String status = reason.equals("busy") ? "busy" : "no-answer";
    session.verb("reject", "Rejects the call without answering (" + reason + "): " + status);
    return new Step.End(status, false, null);
  }
}

package io.switchboard.simulator.twiml;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;

/**
 * {@code <Dial>} with a Number, Client, Sip, Conference or Queue noun (or a bare number). Twilio's
 * reference: it "will make a GET or POST request to the action URL (if provided) when the Dial call
 * ends", sending DialCallStatus (completed, answered, busy, no-answer, failed, canceled),
 * DialCallSid and DialCallDuration; "If you do not provide an action URL ... and the original
 * caller is still on the line, Twilio will continue to render the original TwiML document". The
 * dialled party's behaviour comes from the caller script ({@code dial:busy}, {@code
 * dial:no-answer}, {@code dial:failed}, {@code dial:completed:42}); by default it answers and talks
 * for 15 seconds.
 */
final class DialVerb {

  private static final List<String> NOUNS =
      List.of("Number", "Client", "Sip", "Conference", "Queue");
  private static final int DEFAULT_TALK_SECONDS = 15;

  private DialVerb() {}

  static Step run(CallSession session, Element dial) throws TwimlFailure {
    Element noun =
        TwimlParser.children(dial).stream()
            .filter(child -> NOUNS.contains(child.getTagName()))
            .findFirst()
            .orElse(null);
    String kind = noun == null ? "Number" : noun.getTagName();
    String target = Attributes.body(noun == null ? dial : noun);
    String[] outcome = outcome(session.caller().directive("dial"));
    String status = outcome[0];
    int talked = status.equals("completed") ? Integer.parseInt(outcome[1]) : 0;
    int timeout = Math.max(1, Attributes.integer(dial, "timeout", 30));
    session.elapse(status.equals("no-answer") ? timeout : talked + 5L);
    session.verb("dial", "Dials " + describe(kind, target) + ": " + result(status, talked));
    String action = Attributes.optional(dial, "action");
    if (action == null) {
      return Step.NEXT;
    }
    Map<String, String> params = new LinkedHashMap<>();
    params.put("DialCallStatus", status);
    if (!kind.equals("Conference")) {
      params.put("DialCallSid", Sids.random("CA"));
    }
    if (status.equals("completed")) {
      params.put("DialCallDuration", String.valueOf(talked));
    }
    return new Step.Fetch(
        TwimlUrls.resolve(session.documentUrl(), action),
        TwimlUrls.method(dial.getAttribute("method"), "POST"),
        params);
  }

  /** {@code [status, seconds]} from a directive such as {@code busy} or {@code completed:42}. */
  private static String[] outcome(String directive) {
    if (directive == null || directive.isBlank()) {
      return new String[] {"completed", String.valueOf(DEFAULT_TALK_SECONDS)};
    }
    String[] parts = directive.trim().split(":", 2);
    String seconds = parts.length > 1 && parts[1].matches("\\d+") ? parts[1] : "15";
    return switch (parts[0]) {
      case "busy", "no-answer", "failed", "canceled" -> new String[] {parts[0], "0"};
      default -> new String[] {"completed", seconds};
    };
  }

  private static String describe(String kind, String target) {
    return switch (kind) {
      case "Conference" -> "into the conference \"" + target + "\"";
      case "Queue" -> "the first caller waiting in the queue \"" + target + "\"";
      case "Client" -> "the client " + target;
      case "Sip" -> "the SIP endpoint " + target;
      default -> target;
    };
  }

  private static String result(String status, int talked) {
    return switch (status) {
      case "completed" -> "answered, talked for " + talked + " s";
      case "busy" -> "busy";
      case "no-answer" -> "no answer";
      default -> status;
    };
  }
}

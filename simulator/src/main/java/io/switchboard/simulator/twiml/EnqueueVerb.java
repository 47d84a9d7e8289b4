package io.switchboard.simulator.twiml;

import java.util.LinkedHashMap;
import java.util.Map;
import org.w3c.dom.Element;

/**
 * {@code <Enqueue>}: the caller waits in a named queue, hearing the {@code waitUrl} TwiML (Twilio's
 * default hold music without one), until an agent dequeues it (QueueResult {@code bridged}), the
 * wait TwiML runs {@code <Leave>} ({@code leave}: Twilio "executes the next TwiML verb after the
 * original Enqueue") or the caller hangs up ({@code hangup}). The action, when given, gets
 * QueueResult, QueueSid and QueueTime; without one the call goes on after the Enqueue. The wait
 * document is run once; then, unless the caller script says {@code queue:hangup}, an agent answers
 * after 30 s.
 *
 * <p>Twilio requests the wait URL again each time its TwiML has played, for as long as the caller
 * waits. The caller script {@code queue:wait:N:M} has the caller hold through up to N wait
 * documents, each taking M real milliseconds (hold music that lasts, so that something outside the
 * call, such as an agent becoming free, can happen meanwhile); QueueTime counts the simulated
 * seconds the caller has waited. Only after the last one does the simulated agent take the call. A
 * Gather in the wait TwiML (a callback offer) takes the caller's next scripted input.
 */
final class EnqueueVerb {

  private static final int WAIT_SECONDS = 30;

  private EnqueueVerb() {}

  static Step run(CallSession session, Element enqueue, TwimlLoader loader) throws TwimlFailure {
    String name = Attributes.body(enqueue);
    String queueSid = Sids.named("QU", name);
    session.verb("enqueue", "Puts the caller in the queue \"" + name + "\"");
    String directive = session.caller().directive("queue");
    String result = "hangup".equals(directive) ? "hangup" : "bridged";
    Hold hold = Hold.parse(directive);
    String waitUrl = Attributes.optional(enqueue, "waitUrl");
    long enqueuedAt = session.simulatedSeconds();
    if (waitUrl == null) {
      session.verb("play", "Plays Twilio's default hold music");
    } else if (!result.equals("hangup")) {
      String callSid = session.call().callSid();
      QueueMembers.join(queueSid, callSid);
      try {
        for (int round = 0; round < hold.documents() && result.equals("bridged"); round++) {
          if (round > 0) {
            hold.pause();
          }
          long waited = session.simulatedSeconds() - enqueuedAt;
          result = runWaitDocument(session, loader, enqueue, waitUrl, queueSid, waited);
        }
      } finally {
        QueueMembers.leave(queueSid, callSid);
      }
    }
    long waited = session.simulatedSeconds() - enqueuedAt;
    if (result.equals("bridged") || result.equals("hangup")) {
      session.elapse(WAIT_SECONDS);
      waited += WAIT_SECONDS;
    }
    session.verb("enqueue", describe(result));
    String action = Attributes.optional(enqueue, "action");
    if (action == null) {
      return result.equals("hangup") ? new Step.End("completed", true, null) : Step.NEXT;
    }
    Map<String, String> params = new LinkedHashMap<>();
    params.put("QueueResult", result);
    params.put("QueueSid", queueSid);
    params.put("QueueTime", String.valueOf(waited));
    return new Step.Fetch(
        TwimlUrls.resolve(session.documentUrl(), action),
        TwimlUrls.method(enqueue.getAttribute("method"), "POST"),
        params,
        result.equals("hangup"));
  }

  /** Runs the hold TwiML once; {@code leave} if it says Leave, {@code hangup} if Hangup. */
  private static String runWaitDocument(
      CallSession session,
      TwimlLoader loader,
      Element enqueue,
      String waitUrl,
      String queueSid,
      long waited)
      throws TwimlFailure {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("QueueSid", queueSid);
    String callSid = session.call().callSid();
    params.put("QueuePosition", String.valueOf(QueueMembers.position(queueSid, callSid)));
    params.put("QueueTime", String.valueOf(waited));
    params.put("AvgQueueTime", "0");
    params.put("CurrentQueueSize", String.valueOf(QueueMembers.size(queueSid)));
    params.put("MaxQueueSize", "1000");
    String url = TwimlUrls.resolve(session.documentUrl(), waitUrl);
    String documentUrl = session.documentUrl();
    TwimlLoader.Loaded hold =
        loader.load(
            session, url, TwimlUrls.method(enqueue.getAttribute("waitUrlMethod"), "POST"), params);
    try {
      return runHoldVerbs(session, loader, hold, queueSid);
    } finally {
      session.returnTo(documentUrl); // the wait TwiML does not replace the caller's document
    }
  }

  /**
   * The verbs of a wait document, relative URLs resolved against it. A Gather there (a callback
   * offer) takes the caller's next input; keys pressed request its action, whose TwiML runs in the
   * queue like the wait document's own (Twilio allows Gather in wait TwiML).
   */
  private static String runHoldVerbs(
      CallSession session, TwimlLoader loader, TwimlLoader.Loaded hold, String queueSid)
      throws TwimlFailure {
    session.returnTo(hold.url());
    for (Element verb : hold.verbs()) {
      switch (verb.getTagName()) {
        case "Leave" -> {
          session.verb("leave", "Leaves the queue");
          return "leave";
        }
        case "Hangup" -> {
          return "hangup";
        }
        case "Gather" -> {
          Step step = GatherVerb.run(session, verb);
          if (step instanceof Step.End) {
            return "hangup";
          }
          if (step instanceof Step.Fetch fetch) {
            Map<String, String> params = new LinkedHashMap<>(fetch.extra());
            params.put("QueueSid", queueSid);
            return runHoldVerbs(
                session,
                loader,
                loader.load(session, fetch.url(), fetch.method(), params),
                queueSid);
          }
        }
        default -> {
          if (PromptVerbs.handles(verb.getTagName())) {
            PromptVerbs.run(session, verb);
          } else {
            session.verb(
                verb.getTagName().toLowerCase(java.util.Locale.ROOT), "Ignored in wait TwiML");
          }
        }
      }
    }
    return "bridged";
  }

  private static String describe(String result) {
    return switch (result) {
      case "leave" -> "The caller leaves the queue";
      case "hangup" -> "The caller hangs up while waiting";
      default -> "An agent takes the call from the queue, and the conversation ends";
    };
  }

  /** How long the caller holds: {@code wait:N:M} is N wait documents, M real ms apart. */
  private record Hold(int documents, long millis) {

    static Hold parse(String directive) {
      if (directive == null || !directive.startsWith("wait:")) {
        return new Hold(1, 0);
      }
      String[] parts = directive.split(":");
      int documents =
          parts.length > 1 && parts[1].matches("\\d{1,4}") ? Integer.parseInt(parts[1]) : 1;
      long millis = parts.length > 2 && parts[2].matches("\\d{1,6}") ? Long.parseLong(parts[2]) : 0;
      return new Hold(Math.max(1, documents), millis);
    }

    void pause() {
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}

package io.switchboard.simulator.twiml;

import io.switchboard.simulator.SimulatorProperties;
import io.switchboard.simulator.voice.CallContext;
import io.switchboard.simulator.voice.CallEffects;
import io.switchboard.simulator.voice.CallFlowRunner;
import io.switchboard.simulator.voice.CallTranscript;
import io.switchboard.simulator.voice.CallerScript;
import io.switchboard.simulator.voice.TranscriptEntry;
import io.switchboard.simulator.webhook.SignedWebhookClient;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The TwiML executor: fetches the call's TwiML, runs its verbs as Twilio documents them, follows
 * Redirects and action URLs, and ends the call with Twilio's status. Every request and verb goes to
 * the transcript.
 *
 * <p>Twilio documents no limit on the number of TwiML documents in a voice call (a Redirect loop
 * runs until the call's four-hour time limit, {@code TimeLimit} 14400 s); it does cap a message
 * reply session at 50 documents (warning 14106). The simulator ends a call at either the time limit
 * on its simulated clock or {@value #MAX_DOCUMENTS} documents, whichever comes first, so that a
 * looping application cannot hold a test or a debugger session for ever.
 */
@Component
public class TwimlCallFlowRunner implements CallFlowRunner {

  static final int MAX_DOCUMENTS = 200;
  static final long TIME_LIMIT_SECONDS = 14_400;

  private final TwimlLoader loader;

  @Autowired
  public TwimlCallFlowRunner(SimulatorProperties properties) {
    this(new SignedWebhookClient(properties.authToken()));
  }

  public TwimlCallFlowRunner(SignedWebhookClient client) {
    this.loader = new TwimlLoader(client);
  }

  @Override
  public CallTranscript run(CallContext call, CallerScript caller, CallEffects effects) {
    return run(call, new ScriptedCaller(caller), effects, entry -> {});
  }

  @Override
  public CallTranscript run(
      CallContext call,
      CallerScript caller,
      CallEffects effects,
      Consumer<TranscriptEntry> listener) {
    return run(call, new ScriptedCaller(caller), effects, listener);
  }

  /**
   * Runs the call with any kind of caller and reports each step as it happens (the debugger shows
   * the conversation live).
   */
  public CallTranscript run(
      CallContext call,
      CallerInput caller,
      CallEffects effects,
      Consumer<TranscriptEntry> listener) {
    CallSession session = new CallSession(call, caller, effects, listener);
    Step.End end;
    try {
      end = execute(session);
    } catch (RuntimeException e) {
      session.error(12400, "Internal failure of the simulator: " + e);
      end = Step.End.failed(12400);
    }
    if (!end.answered() || !session.answered()) {
      session.verb("call", "The call is not answered: " + end.status());
    } else {
      session.verb("call", "The call ends: " + end.status());
    }
    int duration = end.answered() ? session.durationSeconds() : 0;
    effects.callEnded(call.callSid(), end.status(), duration);
    return new CallTranscript(
        call.callSid(), session.entries(), end.status(), duration, end.errorCode());
  }

  private Step.End execute(CallSession session) {
    CallContext call = session.call();
    TwimlLoader.Loaded document =
        call.twiml() != null && !call.twiml().isBlank()
            ? loader.inline(session, call.twiml())
            : loader.load(session, call.url(), TwimlUrls.method(call.method(), "POST"), Map.of());
    while (true) {
      if (document.failed()) {
        return Step.End.failed(document.errorCode());
      }
      Step step = VerbRunner.runDocument(session, document.verbs(), loader);
      if (step instanceof Step.End end) {
        return end;
      }
      Step.Fetch fetch = (Step.Fetch) step;
      if (fetch.thenEnd()) {
        loader.notify(session, fetch.url(), fetch.method(), fetch.extra());
        return Step.End.completed();
      }
      if (session.caller().hangsUpBefore(session.documentsFetched())) {
        session.verb("hangup", "The caller hangs up");
        return Step.End.completed();
      }
      if (session.documentsFetched() >= MAX_DOCUMENTS
          || session.simulatedSeconds() >= TIME_LIMIT_SECONDS) {
        session.verb(
            "error",
            "The call reached the simulator's limit of "
                + MAX_DOCUMENTS
                + " TwiML documents or four hours: a Redirect or action loop? Twilio would end it"
                + " only at its time limit");
        return Step.End.completed();
      }
      document = loader.load(session, fetch.url(), fetch.method(), fetch.extra());
    }
  }
}

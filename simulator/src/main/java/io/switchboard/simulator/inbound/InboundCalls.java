package io.switchboard.simulator.inbound;

import io.switchboard.simulator.SimulatorProperties;
import io.switchboard.simulator.twiml.CallerInput;
import io.switchboard.simulator.twiml.ScriptedCaller;
import io.switchboard.simulator.twiml.Sids;
import io.switchboard.simulator.twiml.TwimlCallFlowRunner;
import io.switchboard.simulator.voice.CallContext;
import io.switchboard.simulator.voice.CallEffects;
import io.switchboard.simulator.voice.CallTranscript;
import io.switchboard.simulator.voice.CallerScript;
import io.switchboard.simulator.voice.TranscriptEntry;
import jakarta.annotation.PreDestroy;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Places inbound calls: a handset dials one of our numbers and Twilio runs the number's voice URL.
 * Calls run on their own threads because the executor blocks for the whole call.
 *
 * <p>When the rest of the simulator offers a single {@link CallEffects} bean (the Calls and
 * Recordings resources), inbound calls use it, so their recordings exist as REST resources;
 * otherwise nothing outside the call changes.
 */
@Service
public class InboundCalls {

  private final TwimlCallFlowRunner runner;
  private final AppWebhooks webhooks;
  private final SimulatorProperties account;
  private final ObjectProvider<CallEffects> effects;
  private final ExecutorService threads =
      Executors.newCachedThreadPool(
          task -> {
            Thread thread = new Thread(task, "simulator-inbound-call");
            thread.setDaemon(true);
            return thread;
          });

  InboundCalls(
      TwimlCallFlowRunner runner,
      AppWebhooks webhooks,
      SimulatorProperties account,
      ObjectProvider<CallEffects> effects) {
    this.runner = runner;
    this.webhooks = webhooks;
    this.account = account;
    this.effects = effects;
  }

  /** Starts a scripted call. */
  public Future<CallTranscript> place(
      InboundCallRequest request, Consumer<TranscriptEntry> listener) {
    CallerScript script = new CallerScript(request.inputs(), request.hangupAfterTurns());
    return place(request, new ScriptedCaller(script), listener);
  }

  /** Starts a call whose caller is anything, such as the person in the debugger. */
  public Future<CallTranscript> place(
      InboundCallRequest request, CallerInput caller, Consumer<TranscriptEntry> listener) {
    CallContext call = context(request);
    CallEffects callEffects = effects.getIfUnique(() -> CallEffects.NONE);
    // A plain Future: cancelling it interrupts the call's thread, which a CompletableFuture would
    // not do.
    return threads.submit(() -> runner.run(call, caller, callEffects, listener));
  }

  CallContext context(InboundCallRequest request) {
    if (request.from() == null || request.from().isBlank()) {
      throw new IllegalArgumentException("'from' is required");
    }
    if (request.to() == null || request.to().isBlank()) {
      throw new IllegalArgumentException("'to' is required");
    }
    String to = request.to();
    boolean ownUrl = request.url() != null && !request.url().isBlank();
    return new CallContext(
        Sids.random("CA"),
        account.accountSid(),
        request.from(),
        to,
        "inbound",
        ownUrl ? request.url() : webhooks.voiceUrl(to),
        request.method() != null ? request.method() : ownUrl ? "POST" : webhooks.voiceMethod(to),
        null,
        request.fallbackUrl() != null ? request.fallbackUrl() : webhooks.voiceFallbackUrl(to),
        "POST",
        null);
  }

  @PreDestroy
  void stop() {
    threads.shutdownNow();
  }
}

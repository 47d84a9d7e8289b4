package io.switchboard.simulator.calls;

import io.switchboard.simulator.LifecycleProperties;
import io.switchboard.simulator.callbacks.SimulatorExecutor;
import io.switchboard.simulator.faults.FaultRegistry;
import io.switchboard.simulator.faults.FaultRule;
import io.switchboard.simulator.faults.FaultType;
import io.switchboard.simulator.recordings.RecordingService;
import io.switchboard.simulator.voice.CallContext;
import io.switchboard.simulator.voice.CallEffects;
import io.switchboard.simulator.voice.CallFlowRunner;
import io.switchboard.simulator.voice.CallTranscript;
import io.switchboard.simulator.voice.CallerScript;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Moves an outbound call through Twilio's statuses: queued (initiated) → ringing → in-progress →
 * completed, or busy / no-answer / failed when a CALL_OUTCOME fault says so. An answered call's
 * TwiML runs on the TwiML executor when one is present; otherwise the call simply lasts the
 * configured time.
 */
@Component
class CallLifecycle {

  private final CallStatusCallbacks callbacks;
  private final SimulatorExecutor executor;
  private final FaultRegistry faults;
  private final RecordingService recordings;
  private final ObjectProvider<CallFlowRunner> runner;
  private final CallEffects effects;
  private final LifecycleProperties timing;
  private final String accountSid;

  CallLifecycle(
      CallStatusCallbacks callbacks,
      SimulatorExecutor executor,
      FaultRegistry faults,
      RecordingService recordings,
      ObjectProvider<CallFlowRunner> runner,
      SimulatorCallEffects effects,
      LifecycleProperties timing,
      io.switchboard.simulator.rest.Accounts accounts) {
    this.callbacks = callbacks;
    this.executor = executor;
    this.faults = faults;
    this.recordings = recordings;
    this.runner = runner;
    this.effects = effects;
    this.timing = timing;
    this.accountSid = accounts.sid();
  }

  void start(SimCall call) {
    Optional<FaultRule> outcome = faults.strike(FaultType.CALL_OUTCOME, Set.of(call.to, call.from));
    executor.schedule(
        () -> {
          callbacks.report(call, "initiated", "initiated");
          executor.schedule(() -> ring(call, outcome), timing.callRing());
        },
        Duration.ZERO);
  }

  private void ring(SimCall call, Optional<FaultRule> outcome) {
    if (!call.ring()) {
      return;
    }
    callbacks.report(call, "ringing", "ringing");
    Duration longer = Duration.ofMillis(outcome.map(FaultRule::delayMillis).orElse(0L));
    Duration ringing = timing.callAnswer().plus(longer);
    Duration timeout = Duration.ofSeconds(call.timeoutSeconds);
    if (ringing.compareTo(timeout) > 0) {
      // Nobody picks up within the call's Timeout: Twilio gives up with no-answer.
      executor.schedule(() -> end(call, "no-answer", 0), timeout);
      return;
    }
    executor.schedule(() -> answer(call, outcome), ringing);
  }

  private void answer(SimCall call, Optional<FaultRule> outcome) {
    String status = outcome.map(FaultRule::status).orElse(null);
    if (status != null && !status.equals("completed") && !status.equals("in-progress")) {
      end(call, status, 0);
      return;
    }
    String answeredBy = call.machineDetection == null ? null : answeredBy(outcome);
    if (!call.answer(answeredBy)) {
      return;
    }
    callbacks.report(call, "answered", "in-progress");
    if (call.record) {
      recordings.start(
          call.sid,
          "OutboundAPI",
          1,
          "both",
          new RecordingService.Target(
              call.recordingStatusCallback,
              call.recordingStatusCallbackMethod,
              call.recordingEvents));
    }
    Optional<FaultRule> hold = faults.strike(FaultType.CALL_HOLD, Set.of(call.to, call.from));
    if (hold.isPresent()) {
      int generation = call.flowGeneration();
      executor.schedule(
          () -> {
            if (call.flowGeneration() == generation && !call.ended()) {
              runFlow(call, generation);
            }
          },
          Duration.ofMillis(hold.get().delayMillis() == null ? 0 : hold.get().delayMillis()));
      return;
    }
    runFlow(call, call.flowGeneration());
  }

  private static String answeredBy(Optional<FaultRule> outcome) {
    return outcome.map(FaultRule::answeredBy).orElse("human");
  }

  /** Runs (or, after a redirect, re-runs) the call's TwiML; a newer generation supersedes it. */
  void runFlow(SimCall call, int generation) {
    CallFlowRunner flowRunner = runner.getIfAvailable();
    if (flowRunner == null) {
      executor.schedule(
          () -> end(call, "completed", (int) timing.callDuration().toSeconds()),
          timing.callDuration());
      return;
    }
    CallContext context =
        new CallContext(
            call.sid,
            accountSid,
            call.from,
            call.to,
            "outbound-api",
            call.twiml() == null ? call.url() : null,
            call.method(),
            call.twiml(),
            call.fallbackUrl(),
            call.fallbackMethod(),
            call.answeredBy());
    CallEffects forThisFlow = new FlowEffects(call, generation);
    CallerScript script =
        faults
            .strike(FaultType.DIAL_OUTCOME, Set.of(call.to, call.from))
            .map(FaultRule::status)
            .map(status -> new CallerScript(List.of("dial:" + status), 0))
            .orElseGet(CallerScript::silent);
    call.flowStarted(
        executor.startFlow(
            () -> {
              try {
                CallTranscript transcript =
                    flowRunner.run(context, script, forThisFlow, call.transcript::add);
                forThisFlow.callEnded(
                    call.sid, transcript.endStatus(), transcript.durationSeconds());
              } catch (RuntimeException e) {
                // An executor that breaks must not leave the call in progress for ever.
                forThisFlow.callEnded(call.sid, "failed", 0);
                throw e;
              }
            }));
  }

  /** Ends the call once, with its final callback, and stops its recordings. */
  void end(SimCall call, String status, Integer seconds) {
    if (call.end(status, seconds)) {
      recordings.callEnded(call.sid);
      executor.schedule(() -> callbacks.report(call, "completed", status), Duration.ZERO);
    }
  }

  /** The effects of one flow: once the call was redirected, the old flow's end is ignored. */
  private final class FlowEffects implements CallEffects {
    private final SimCall call;
    private final int generation;

    FlowEffects(SimCall call, int generation) {
      this.call = call;
      this.generation = generation;
    }

    @Override
    public RecordingRef recordingCompleted(
        String callSid, int seconds, String callback, String method) {
      return effects.recordingCompleted(callSid, seconds, callback, method);
    }

    @Override
    public void callEnded(String callSid, String status, int durationSeconds) {
      if (call.flowGeneration() == generation) {
        end(call, status, durationSeconds);
      }
    }
  }
}

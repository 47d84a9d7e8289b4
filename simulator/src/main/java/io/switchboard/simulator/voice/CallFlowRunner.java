package io.switchboard.simulator.voice;

import java.util.function.Consumer;

/**
 * Runs an answered call's TwiML the way Twilio does, until the call ends. Implemented by the TwiML
 * executor; used by the Calls resource for outbound calls and by the inbound-call control API.
 */
public interface CallFlowRunner {

  /**
   * Runs the call to its end. Blocks; call it off the request thread.
   *
   * @param call the answered call
   * @param caller what the caller does
   * @param effects what the rest of the simulator does when the TwiML asks for it
   */
  CallTranscript run(CallContext call, CallerScript caller, CallEffects effects);

  /**
   * Runs the call to its end and reports each step as it happens, so that what the callee heard can
   * be read while the call is still going.
   */
  default CallTranscript run(
      CallContext call,
      CallerScript caller,
      CallEffects effects,
      Consumer<TranscriptEntry> listener) {
    CallTranscript transcript = run(call, caller, effects);
    transcript.entries().forEach(listener);
    return transcript;
  }
}

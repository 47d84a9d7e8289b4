package io.switchboard.simulator.voice;

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
}

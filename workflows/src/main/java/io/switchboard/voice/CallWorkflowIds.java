package io.switchboard.voice;

/**
 * Workflow ids for voice workflows. Ops find a call's workflow in the Temporal UI from the CallSid
 * they see in the Twilio console, so the id is the SID with a type prefix and nothing else.
 */
public final class CallWorkflowIds {
  private static final String CALL_PREFIX = "call:";

  private CallWorkflowIds() {}

  public static String call(String callSid) {
    if (callSid == null || callSid.isBlank()) {
      throw new IllegalArgumentException("CallSid is required");
    }
    return CALL_PREFIX + callSid;
  }
}

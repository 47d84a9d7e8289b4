package io.switchboard.simulator.calls;

import io.switchboard.simulator.recordings.RecordingService;
import io.switchboard.simulator.voice.CallEffects;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * What running TwiML changes in the rest of the simulator: a {@code <Record>} makes a real
 * Recording resource (fetchable, with media, and its RecordingStatusCallback sent), and the end of
 * a call created through the Calls resource ends that resource. Calls the Calls resource does not
 * know (inbound ones) are left alone.
 */
@Component
public class SimulatorCallEffects implements CallEffects {

  private final RecordingService recordings;
  private final CallStore calls;
  private final CallLifecycle lifecycle;

  SimulatorCallEffects(
      RecordingService recordings, CallStore calls, @Lazy CallLifecycle lifecycle) {
    this.recordings = recordings;
    this.calls = calls;
    this.lifecycle = lifecycle;
  }

  @Override
  public RecordingRef recordingCompleted(
      String callSid,
      int durationSeconds,
      String recordingStatusCallback,
      String recordingStatusCallbackMethod) {
    return recordings.recorded(
        callSid, durationSeconds, recordingStatusCallback, recordingStatusCallbackMethod);
  }

  @Override
  public void callEnded(String callSid, String status, int durationSeconds) {
    calls.find(callSid).ifPresent(call -> lifecycle.end(call, status, durationSeconds));
  }
}

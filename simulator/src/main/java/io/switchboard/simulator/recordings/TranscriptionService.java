package io.switchboard.simulator.recordings;

import io.switchboard.simulator.SimulatorState;
import io.switchboard.simulator.callbacks.Callback;
import io.switchboard.simulator.callbacks.CallbackDispatcher;
import io.switchboard.simulator.callbacks.SimulatorExecutor;
import io.switchboard.simulator.rest.Accounts;
import io.switchboard.simulator.rest.Sids;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Transcriptions of recordings ({@code <Record transcribe="true">}): the simulator cannot hear, so
 * the text is given (by the TwiML executor from the caller script, or through the control API), and
 * the transcribeCallback is sent as Twilio sends it.
 */
@Component
public class TranscriptionService implements SimulatorState {

  private final Map<String, SimTranscription> transcriptions = new ConcurrentHashMap<>();
  private final RecordingStore recordings;
  private final RecordingService recordingService;
  private final CallbackDispatcher callbacks;
  private final SimulatorExecutor executor;
  private final Accounts accounts;

  TranscriptionService(
      RecordingStore recordings,
      RecordingService recordingService,
      CallbackDispatcher callbacks,
      SimulatorExecutor executor,
      Accounts accounts) {
    this.recordings = recordings;
    this.recordingService = recordingService;
    this.callbacks = callbacks;
    this.executor = executor;
    this.accounts = accounts;
  }

  /**
   * Transcribes a recording with this text and posts the transcribeCallback, when given.
   *
   * @return the transcription's SID, or empty when the recording is unknown
   */
  public Optional<String> transcribe(String recordingSid, String text, String transcribeCallback) {
    Optional<SimRecording> recording = recordings.find(recordingSid);
    if (recording.isEmpty()) {
      return Optional.empty();
    }
    SimRecording r = recording.get();
    SimTranscription transcription =
        new SimTranscription(
            Sids.next("TR"), r.sid, r.callSid, text, Math.max(0, r.duration()), Instant.now());
    transcriptions.put(transcription.sid(), transcription);
    executor.schedule(() -> report(transcription, transcribeCallback), Duration.ZERO);
    return Optional.of(transcription.sid());
  }

  Optional<SimTranscription> find(String sid) {
    return Optional.ofNullable(transcriptions.get(sid));
  }

  private void report(SimTranscription t, String url) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("AccountSid", accounts.sid());
    params.put("CallSid", t.callSid());
    params.put("RecordingSid", t.recordingSid());
    params.put("RecordingUrl", recordingService.mediaUrl(t.recordingSid()));
    params.put("TranscriptionSid", t.sid());
    params.put("TranscriptionText", t.text());
    params.put("TranscriptionStatus", "completed");
    params.put(
        "TranscriptionUrl",
        "https://api.twilio.com" + accounts.base() + "/Transcriptions/" + t.sid());
    callbacks.send(new Callback(t.sid(), Set.of(), url, "POST", params, "completed", true));
  }

  @Override
  public void reset() {
    transcriptions.clear();
  }
}

package io.switchboard.simulator.recordings;

import io.switchboard.simulator.LifecycleProperties;
import io.switchboard.simulator.callbacks.Callback;
import io.switchboard.simulator.callbacks.CallbackDispatcher;
import io.switchboard.simulator.callbacks.SimulatorExecutor;
import io.switchboard.simulator.rest.Accounts;
import io.switchboard.simulator.rest.Sids;
import io.switchboard.simulator.rest.TwilioDates;
import io.switchboard.simulator.voice.CallEffects.RecordingRef;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Makes recordings and sends their RecordingStatusCallbacks: started through the REST API (paused,
 * resumed, stopped), made by a {@code <Record>} verb, or made of a whole call ({@code
 * Record=true}).
 */
@Component
public class RecordingService {

  /** Twilio's default: a callback only when the recording is completed. */
  public static final Set<String> DEFAULT_EVENTS = Set.of("completed");

  private final RecordingStore store;
  private final LiveCalls calls;
  private final CallbackDispatcher callbacks;
  private final SimulatorExecutor executor;
  private final Accounts accounts;
  private final Duration processing;

  RecordingService(
      RecordingStore store,
      @Lazy LiveCalls calls,
      CallbackDispatcher callbacks,
      SimulatorExecutor executor,
      Accounts accounts,
      LifecycleProperties properties) {
    this.store = store;
    this.calls = calls;
    this.callbacks = callbacks;
    this.executor = executor;
    this.accounts = accounts;
    this.processing = properties.recordingProcessing();
  }

  /** What a recording reports to, as given with the request that started it. */
  public record Target(String url, String method, Set<String> events) {

    public Target {
      method = method == null ? "POST" : method;
      events = events == null || events.isEmpty() ? DEFAULT_EVENTS : Set.copyOf(events);
    }
  }

  /** Starts recording a call now; {@code source} is Twilio's, such as StartCallRecordingAPI. */
  public String start(String callSid, String source, int channels, String track, Target target) {
    SimRecording recording =
        new SimRecording(
            Sids.next("RE"),
            callSid,
            source,
            channels,
            track,
            target.url(),
            target.method(),
            target.events(),
            "in-progress");
    store.save(recording);
    executor.schedule(() -> report(recording, "in-progress", false), Duration.ZERO);
    return recording.sid;
  }

  /** Stops a recording; it completes (and reports so) after the processing delay. */
  void stop(SimRecording recording) {
    if (recording.stop()) {
      completeLater(recording);
    }
  }

  /** Completes a stopped recording after the processing delay, as Twilio processes the audio. */
  void completeLater(SimRecording recording) {
    executor.schedule(() -> finish(recording, null), processing);
  }

  /** The call ended: whatever still records of it stops and completes. */
  public void callEnded(String callSid) {
    store.ofCall(callSid).stream().filter(SimRecording::recording).forEach(this::stop);
  }

  /** A {@code <Record>} verb finished: the recording exists, completed, at once. */
  public RecordingRef recorded(
      String callSid, int seconds, String callbackUrl, String callbackMethod) {
    SimRecording recording =
        new SimRecording(
            Sids.next("RE"),
            callSid,
            "RecordVerb",
            1,
            "inbound",
            callbackUrl,
            callbackMethod == null ? "POST" : callbackMethod,
            DEFAULT_EVENTS,
            "in-progress");
    recording.complete(Math.max(0, seconds));
    store.save(recording);
    executor.schedule(() -> report(recording, "completed", true), Duration.ZERO);
    return new RecordingRef(recording.sid, mediaUrl(recording.sid));
  }

  /** Where Twilio says the media is: {@code RecordingUrl}, without an extension. */
  public String mediaUrl(String recordingSid) {
    return "https://api.twilio.com" + accounts.base() + "/Recordings/" + recordingSid;
  }

  private void finish(SimRecording recording, Integer seconds) {
    recording.complete(seconds);
    report(recording, "completed", true);
  }

  private void report(SimRecording recording, String status, boolean last) {
    if (!recording.events.contains(status)) {
      if (last) {
        callbacks.release(recording.sid);
      }
      return;
    }
    Map<String, String> params = new LinkedHashMap<>();
    params.put("AccountSid", accounts.sid());
    params.put("CallSid", recording.callSid);
    params.put("RecordingSid", recording.sid);
    params.put("RecordingUrl", mediaUrl(recording.sid));
    params.put("RecordingStatus", status);
    params.put("RecordingDuration", String.valueOf(recording.duration()));
    params.put("RecordingChannels", String.valueOf(recording.channels));
    params.put("RecordingStartTime", TwilioDates.rfc2822(recording.startTime));
    params.put("RecordingSource", recording.source);
    params.put("RecordingTrack", recording.track);
    params.put("ErrorCode", "0");
    callbacks.send(
        new Callback(
            recording.sid,
            calls.numbers(recording.callSid),
            recording.callback,
            recording.callbackMethod,
            params,
            status,
            last));
  }
}

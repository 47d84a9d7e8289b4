package io.switchboard.simulator.twiml;

import io.switchboard.simulator.voice.CallEffects.RecordingRef;
import java.util.LinkedHashMap;
import java.util.Map;
import org.w3c.dom.Element;

/**
 * {@code <Record>} with Twilio's documented defaults: {@code action} the current document URL,
 * {@code method} POST, {@code timeout} 5 s of silence, {@code finishOnKey} any key ({@code
 * 1234567890*#}), {@code maxLength} 3600 s, {@code playBeep} true. When the recording ends Twilio
 * requests the action with RecordingUrl, RecordingDuration, RecordingSid and Digits (the key that
 * ended it, or {@code hangup}); an empty recording requests nothing and the next verb runs.
 *
 * <p>The caller script says how the caller speaks: {@code record:12#} speaks 12 seconds then
 * presses #, {@code record:12} speaks then falls silent, {@code record:12hangup} hangs up, {@code
 * record:0} says nothing. Without a directive the caller speaks 5 seconds, then falls silent.
 */
final class RecordVerb {

  private static final int DEFAULT_SPEECH_SECONDS = 5;

  private RecordVerb() {}

  static Step run(CallSession session, Element record) throws TwimlFailure {
    int maxLength = Attributes.integer(record, "maxLength", 3600);
    int timeout = Math.max(1, Attributes.integer(record, "timeout", 5));
    String finishOnKey = Attributes.text(record, "finishOnKey", "1234567890*#");
    String directive = session.caller().directive("record");
    String spoken = directive == null ? "" : directive.replaceAll("\\D.*$", "");
    String ending = directive == null ? "" : directive.replaceFirst("^\\d*", "");
    int seconds = spoken.isEmpty() ? DEFAULT_SPEECH_SECONDS : Integer.parseInt(spoken);
    int duration = maxLength > 0 ? Math.min(seconds, maxLength) : seconds;
    boolean hungUp = ending.equals("hangup");
    String key = !hungUp && !ending.isEmpty() && finishOnKey.contains(ending) ? ending : null;
    String beep = Attributes.bool(record, "playBeep", true) ? "Beep. " : "";
    session.elapse(duration + (hungUp || key != null || duration == maxLength ? 0L : timeout));
    if (duration == 0) {
      session.verb("record", beep + "Records nothing: continues with the next verb");
      return Step.NEXT;
    }
    String callback = Attributes.optional(record, "recordingStatusCallback");
    RecordingRef recording =
        session
            .effects()
            .recordingCompleted(
                session.call().callSid(),
                duration,
                callback == null ? null : TwimlUrls.resolve(session.documentUrl(), callback),
                callback == null
                    ? null
                    : TwimlUrls.method(
                        record.getAttribute("recordingStatusCallbackMethod"), "POST"));
    String end = hungUp ? "the caller hangs up" : key != null ? "ended by " + key : "silence";
    session.verb(
        "record", beep + "Records " + duration + " s (" + end + "): " + recording.recordingSid());
    Map<String, String> params = new LinkedHashMap<>();
    params.put("RecordingUrl", recording.recordingUrl());
    params.put("RecordingDuration", String.valueOf(duration));
    params.put("RecordingSid", recording.recordingSid());
    if (hungUp || key != null) {
      params.put("Digits", hungUp ? "hangup" : key);
    }
    String action = TwimlUrls.resolve(session.documentUrl(), Attributes.optional(record, "action"));
    return new Step.Fetch(
        action, TwimlUrls.method(record.getAttribute("method"), "POST"), params, hungUp);
  }
}

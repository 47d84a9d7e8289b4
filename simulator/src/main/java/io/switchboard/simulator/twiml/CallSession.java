package io.switchboard.simulator.twiml;

import io.switchboard.simulator.voice.CallContext;
import io.switchboard.simulator.voice.CallEffects;
import io.switchboard.simulator.voice.TranscriptEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * One call while its TwiML runs: who is on it, what has happened so far, and how long it has lasted
 * on the simulated clock. The simulator never sleeps through a Pause or a Gather timeout; it adds
 * the seconds to the call's duration instead, so that tests stay fast and durations stay what
 * Twilio would report.
 */
final class CallSession {

  private final CallContext call;
  private final CallerInput caller;
  private final CallEffects effects;
  private final Consumer<TranscriptEntry> listener;
  private final List<TranscriptEntry> entries = new CopyOnWriteArrayList<>();
  private String documentUrl;
  private int documentsFetched;
  private boolean answered;
  private long simulatedSeconds;

  CallSession(
      CallContext call,
      CallerInput caller,
      CallEffects effects,
      Consumer<TranscriptEntry> listener) {
    this.call = call;
    this.caller = caller;
    this.effects = effects;
    this.listener = listener;
  }

  CallContext call() {
    return call;
  }

  CallerInput caller() {
    return caller;
  }

  CallEffects effects() {
    return effects;
  }

  List<TranscriptEntry> entries() {
    return List.copyOf(entries);
  }

  /** The URL of the document being run; null while running inline TwiML. */
  String documentUrl() {
    return documentUrl;
  }

  void enterDocument(String url) {
    documentUrl = url;
    documentsFetched++;
  }

  /** Back to a document after a side trip (an Enqueue's wait TwiML), without counting a turn. */
  void returnTo(String url) {
    documentUrl = url;
  }

  int documentsFetched() {
    return documentsFetched;
  }

  /** Twilio answers an inbound call when it runs the first verb that is not a Reject. */
  boolean answered() {
    return answered;
  }

  void answer() {
    answered = true;
  }

  /** The CallStatus Twilio reports: an inbound call is still ringing until it is answered. */
  String callStatus() {
    return answered || !"inbound".equals(call.direction()) ? "in-progress" : "ringing";
  }

  void elapse(long seconds) {
    simulatedSeconds += Math.max(0, seconds);
  }

  int durationSeconds() {
    return answered ? (int) Math.min(Integer.MAX_VALUE, simulatedSeconds) : 0;
  }

  long simulatedSeconds() {
    return simulatedSeconds;
  }

  void verb(String kind, String description) {
    add(new TranscriptEntry(Instant.now(), kind, null, null, null, 0, null, 0, description));
  }

  void error(int code, String description) {
    verb("error", "Error " + code + ": " + description);
  }

  void request(
      String method,
      String url,
      Map<String, String> parameters,
      int status,
      String body,
      Duration elapsed,
      String description) {
    add(
        new TranscriptEntry(
            Instant.now(),
            "request",
            method,
            url,
            Collections.unmodifiableMap(new LinkedHashMap<>(parameters)),
            status,
            body,
            elapsed.toMillis(),
            description));
  }

  private void add(TranscriptEntry entry) {
    entries.add(entry);
    listener.accept(entry);
  }
}

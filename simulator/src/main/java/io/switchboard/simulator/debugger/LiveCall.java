package io.switchboard.simulator.debugger;

import io.switchboard.simulator.twiml.InputRequest;
import io.switchboard.simulator.voice.CallTranscript;
import io.switchboard.simulator.voice.TranscriptEntry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * A debugger call while it runs and after it ends: its steps so far and how to reach its caller.
 */
final class LiveCall {

  /**
   * What the page polls.
   *
   * @param callSid the call, once its first request names it
   * @param entries the steps from {@code since} on
   * @param next the index to ask from next time
   * @param waitingFor what the call waits for from the keypad, else null
   * @param transcript the whole transcript once the call has ended, else null
   */
  record View(
      String callSid,
      List<TranscriptEntry> entries,
      int next,
      InputRequest waitingFor,
      CallTranscript transcript) {}

  private final InteractiveCaller caller;
  private final List<TranscriptEntry> entries = new CopyOnWriteArrayList<>();
  private volatile Future<CallTranscript> running;

  LiveCall(InteractiveCaller caller) {
    this.caller = caller;
  }

  InteractiveCaller caller() {
    return caller;
  }

  void record(TranscriptEntry entry) {
    entries.add(entry);
  }

  void started(Future<CallTranscript> call) {
    running = call;
  }

  View view(int since) {
    // Whether the call ended is read before its steps: a call that ended has recorded every step,
    // so a view with the transcript also has them all, and its next index is final.
    CallTranscript transcript = finished();
    List<TranscriptEntry> all = List.copyOf(entries);
    int from = Math.max(0, Math.min(since, all.size()));
    return new View(
        callSid(all), all.subList(from, all.size()), all.size(), caller.waitingFor(), transcript);
  }

  private CallTranscript finished() {
    Future<CallTranscript> call = running;
    if (call == null || !call.isDone() || call.isCancelled()) {
      return null;
    }
    try {
      return call.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } catch (ExecutionException e) {
      return null;
    }
  }

  private static String callSid(List<TranscriptEntry> all) {
    return all.stream()
        .filter(entry -> entry.parameters() != null)
        .map(entry -> entry.parameters().get("CallSid"))
        .findFirst()
        .orElse(null);
  }
}

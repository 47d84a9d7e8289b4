package io.switchboard.simulator.calls;

import io.switchboard.simulator.voice.TranscriptEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;

/** A simulated outbound Call resource; its lifecycle moves it on other threads, hence the locks. */
final class SimCall {

  final String sid;
  final String from;
  final String to;
  final String statusCallback;
  final String statusCallbackMethod;
  final Set<String> events;
  final String machineDetection;
  final int timeoutSeconds;
  final boolean record;
  final String recordingStatusCallback;
  final String recordingStatusCallbackMethod;
  final Set<String> recordingEvents;
  final Instant dateCreated = Instant.now();
  final long sequence;

  /** Every step of every TwiML document the call ran, redirects included, as it happened. */
  final List<TranscriptEntry> transcript = new CopyOnWriteArrayList<>();

  private String url;
  private String method;
  private String twiml;
  private String fallbackUrl;
  private String fallbackMethod;
  private String status = "queued";
  private String answeredBy;
  private Instant dateUpdated = dateCreated;
  private Instant startTime;
  private Instant endTime;
  private Integer duration;
  private int callbacksSent;
  private int flowGeneration;
  private Future<?> flow;

  SimCall(CallRequest request, long sequence) {
    this.sid = request.sid();
    this.from = request.from();
    this.to = request.to();
    this.url = request.url();
    this.method = request.method();
    this.twiml = request.twiml();
    this.fallbackUrl = request.fallbackUrl();
    this.fallbackMethod = request.fallbackMethod();
    this.statusCallback = request.statusCallback();
    this.statusCallbackMethod = request.statusCallbackMethod();
    this.events = request.events();
    this.machineDetection = request.machineDetection();
    this.timeoutSeconds = request.timeoutSeconds();
    this.record = request.record();
    this.recordingStatusCallback = request.recordingStatusCallback();
    this.recordingStatusCallbackMethod = request.recordingStatusCallbackMethod();
    this.recordingEvents = request.recordingEvents();
    this.sequence = sequence;
  }

  synchronized String status() {
    return status;
  }

  synchronized boolean ended() {
    return endTime != null;
  }

  synchronized String answeredBy() {
    return answeredBy;
  }

  synchronized Instant dateUpdated() {
    return dateUpdated;
  }

  synchronized Instant startTime() {
    return startTime;
  }

  synchronized Instant endTime() {
    return endTime;
  }

  synchronized Integer duration() {
    return duration;
  }

  synchronized String url() {
    return url;
  }

  synchronized String method() {
    return method;
  }

  synchronized String twiml() {
    return twiml;
  }

  synchronized String fallbackUrl() {
    return fallbackUrl;
  }

  synchronized String fallbackMethod() {
    return fallbackMethod;
  }

  synchronized int flowGeneration() {
    return flowGeneration;
  }

  /** The next SequenceNumber for a status callback, counting from 0. */
  synchronized int nextCallbackSequence() {
    return callbacksSent++;
  }

  synchronized boolean ring() {
    if (ended()) {
      return false;
    }
    status = "ringing";
    dateUpdated = Instant.now();
    return true;
  }

  synchronized boolean answer(String answeredBy) {
    if (ended()) {
      return false;
    }
    status = "in-progress";
    this.answeredBy = answeredBy;
    startTime = Instant.now();
    dateUpdated = startTime;
    return true;
  }

  /** Ends the call once; later attempts (a flow finishing after a hang-up) change nothing. */
  synchronized boolean end(String finalStatus, Integer seconds) {
    if (ended()) {
      return false;
    }
    status = finalStatus;
    endTime = Instant.now();
    dateUpdated = endTime;
    if (seconds != null) {
      duration = seconds;
    } else {
      duration = startTime == null ? 0 : (int) Duration.between(startTime, endTime).toSeconds();
    }
    if (flow != null) {
      flow.cancel(true);
    }
    return true;
  }

  /** New TwiML for the call (an update with Url or Twiml); starts a new flow generation. */
  synchronized int redirect(
      String newUrl,
      String newMethod,
      String newTwiml,
      String newFallback,
      String newFallbackMethod) {
    url = newUrl;
    method = newMethod;
    twiml = newTwiml;
    if (newFallback != null) {
      fallbackUrl = newFallback;
      fallbackMethod = newFallbackMethod;
    }
    dateUpdated = Instant.now();
    if (flow != null) {
      flow.cancel(true);
    }
    return ++flowGeneration;
  }

  synchronized void flowStarted(Future<?> running) {
    this.flow = running;
  }
}

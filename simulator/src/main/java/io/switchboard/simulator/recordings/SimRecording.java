package io.switchboard.simulator.recordings;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/** A simulated Recording; time spent paused does not count towards its duration. */
final class SimRecording {

  final String sid;
  final String callSid;
  final String source;
  final int channels;
  final String track;
  final String callback;
  final String callbackMethod;
  final Set<String> events;
  final Instant dateCreated = Instant.now();
  final Instant startTime = dateCreated;

  private String status;
  private Instant dateUpdated = dateCreated;
  private Instant runningSince = dateCreated;
  private Duration recorded = Duration.ZERO;
  private Integer duration;

  SimRecording(
      String sid,
      String callSid,
      String source,
      int channels,
      String track,
      String callback,
      String callbackMethod,
      Set<String> events,
      String status) {
    this.sid = sid;
    this.callSid = callSid;
    this.source = source;
    this.channels = channels;
    this.track = track;
    this.callback = callback;
    this.callbackMethod = callbackMethod;
    this.events = events;
    this.status = status;
  }

  synchronized String status() {
    return status;
  }

  synchronized Instant dateUpdated() {
    return dateUpdated;
  }

  /** Seconds recorded, or -1 while it is still being recorded, as Twilio shows it. */
  synchronized int duration() {
    return duration == null ? -1 : duration;
  }

  synchronized boolean recording() {
    return "in-progress".equals(status) || "paused".equals(status);
  }

  synchronized void pause() {
    if ("in-progress".equals(status)) {
      recorded = recorded.plus(Duration.between(runningSince, Instant.now()));
      status = "paused";
      dateUpdated = Instant.now();
    }
  }

  synchronized void resume() {
    if ("paused".equals(status)) {
      runningSince = Instant.now();
      status = "in-progress";
      dateUpdated = runningSince;
    }
  }

  /** Stops recording; tells whether it was still recording. */
  synchronized boolean stop() {
    if (!recording()) {
      return false;
    }
    if ("in-progress".equals(status)) {
      recorded = recorded.plus(Duration.between(runningSince, Instant.now()));
    }
    status = "stopped";
    dateUpdated = Instant.now();
    return true;
  }

  synchronized void complete(Integer seconds) {
    status = "completed";
    duration = seconds != null ? seconds : (int) Math.max(1, recorded.toSeconds());
    dateUpdated = Instant.now();
  }

  synchronized void delete() {
    status = "deleted";
    dateUpdated = Instant.now();
  }
}

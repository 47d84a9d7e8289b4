package io.switchboard.api.recording;

/** Stored media that failed authentication: nothing of it is served. */
class RecordingMediaException extends RuntimeException {

  RecordingMediaException(String message) {
    super(message);
  }
}

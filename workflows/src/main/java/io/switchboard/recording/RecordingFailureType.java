package io.switchboard.recording;

/** Failures of the recording activities that no retry fixes, used as ApplicationFailure types. */
public enum RecordingFailureType {
  /** The RecordingUrl points somewhere other than Twilio's media host or the simulator. */
  MEDIA_HOST_REFUSED,
  /** Stored media did not decrypt or did not match what was downloaded. */
  MEDIA_INTEGRITY
}

package io.switchboard.recording;

/** How a recording's pipeline ended; also its {@code getState()} while it runs. */
public enum RecordingOutcome {
  /** Waiting for the completed recording callback. */
  WAITING,
  /** Encrypted, stored and verified; transcription or retention still to come. */
  STORED,
  /** Stored, transcribed or marked untranscribed, Twilio's copy deleted, event emitted. */
  COMPLETED,
  /** The call had no recorded consent: deleted at Twilio, nothing stored. */
  REFUSED_NO_CONSENT,
  /** Twilio reported the recording absent or failed: nothing to store. */
  FAILED_AT_TWILIO
}

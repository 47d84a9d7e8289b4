package io.switchboard.recording;

/** Where a recording's transcript came from, or why it has none. */
public enum TranscriptOutcome {
  TWILIO,
  FALLBACK,
  UNTRANSCRIBED
}

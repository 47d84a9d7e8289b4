package io.switchboard.recording.media;

/**
 * Stored media that does not decrypt: altered, truncated, or under a master key we no longer have.
 * Never retried; never answered with partial plaintext.
 */
public class MediaIntegrityException extends RuntimeException {

  public MediaIntegrityException(String message) {
    super(message);
  }

  public MediaIntegrityException(String message, Throwable cause) {
    super(message, cause);
  }
}

package io.switchboard.api.voice.control;

/** A call command that cannot be sent as it stands (a 400). */
class InvalidCommandException extends RuntimeException {
  InvalidCommandException(String message) {
    super(message);
  }
}

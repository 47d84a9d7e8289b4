package io.switchboard.api.voice.outbound;

/** A call request that cannot be placed as it stands (a 400). */
class InvalidCallException extends RuntimeException {
  InvalidCallException(String message) {
    super(message);
  }
}

package io.switchboard.api.messaging;

/** A stored medium that failed authentication: nothing of it is served. */
class MessageMediaException extends RuntimeException {

  MessageMediaException(String message) {
    super(message);
  }
}

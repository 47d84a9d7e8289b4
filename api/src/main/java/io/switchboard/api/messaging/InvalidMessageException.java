package io.switchboard.api.messaging;

/** A send request that cannot become a message; the message says why, for the client. */
public class InvalidMessageException extends RuntimeException {

  public InvalidMessageException(String detail) {
    super(detail);
  }
}

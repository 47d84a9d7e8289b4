package io.switchboard.api.messaging;

/** An idempotency key reused with a different request. */
public class IdempotencyConflictException extends RuntimeException {

  public IdempotencyConflictException(String detail) {
    super(detail);
  }
}

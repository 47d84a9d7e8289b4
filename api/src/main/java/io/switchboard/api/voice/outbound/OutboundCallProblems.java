package io.switchboard.api.voice.outbound;

import io.switchboard.api.messaging.IdempotencyConflictException;
import io.switchboard.api.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Outbound calls' errors as problem documents, ahead of the catch-all handler. */
@RestControllerAdvice(assignableTypes = OutboundCallController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class OutboundCallProblems {

  @ExceptionHandler(InvalidCallException.class)
  ProblemDetail invalid(InvalidCallException e) {
    return Problems.of(
        HttpStatus.BAD_REQUEST, "invalid-call", "The call cannot be placed", e.getMessage());
  }

  /** 422 as the IETF Idempotency-Key draft has it for a key reused with another payload. */
  @ExceptionHandler(IdempotencyConflictException.class)
  ProblemDetail conflict(IdempotencyConflictException e) {
    return Problems.of(
        HttpStatus.UNPROCESSABLE_CONTENT,
        "idempotency-key-reused",
        "Idempotency-Key already used for another request",
        e.getMessage());
  }
}

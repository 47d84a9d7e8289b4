package io.switchboard.api.messaging;

import io.switchboard.api.web.Problems;
import io.switchboard.messaging.TemplateText;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Messaging's errors as problem documents. Ordered before the catch-all handler, which would
 * otherwise answer them as internal errors.
 */
@RestControllerAdvice(
    assignableTypes = {MessageController.class, TemplateController.class, BulkController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class MessagingProblems {

  @ExceptionHandler(InvalidMessageException.class)
  ProblemDetail invalid(InvalidMessageException e) {
    return Problems.of(
        HttpStatus.BAD_REQUEST, "invalid-message", "The message cannot be sent", e.getMessage());
  }

  @ExceptionHandler(InvalidTemplateException.class)
  ProblemDetail invalidTemplate(InvalidTemplateException e) {
    return Problems.of(
        HttpStatus.BAD_REQUEST, "invalid-template", "The template cannot be used", e.getMessage());
  }

  /** The variables a template needs and the request lacks, by name, for clients to act on. */
  @ExceptionHandler(TemplateText.MissingVariablesException.class)
  ProblemDetail missingVariables(TemplateText.MissingVariablesException e) {
    ProblemDetail problem =
        Problems.of(
            HttpStatus.BAD_REQUEST,
            "missing-template-variables",
            "The template needs variables the request lacks",
            e.getMessage());
    problem.setProperty("missing", e.names());
    return problem;
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

  /** Stored media that failed authentication: named, and never served in part. */
  @ExceptionHandler(MessageMediaException.class)
  ProblemDetail mediaIntegrity(MessageMediaException e) {
    return Problems.of(
        HttpStatus.INTERNAL_SERVER_ERROR,
        "media-integrity",
        "Message media failed integrity check",
        e.getMessage());
  }
}

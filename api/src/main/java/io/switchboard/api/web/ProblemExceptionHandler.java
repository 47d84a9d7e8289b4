package io.switchboard.api.web;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error from a controller is a problem document. Spring MVC's own exceptions (bad JSON, wrong
 * method, missing parameter) are mapped by the base class; ours and unexpected ones here. Limited
 * to the api's own controllers: in the platform the simulator's controllers share the context and
 * must answer in Twilio's error shape (this catch-all used to turn its 400s into 500s).
 */
@RestControllerAdvice(basePackages = "io.switchboard.api")
public class ProblemExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

  private final MeterRegistry meters;

  public ProblemExceptionHandler(MeterRegistry meters) {
    this.meters = meters;
  }

  @ExceptionHandler(NotFoundException.class)
  ProblemDetail notFound(NotFoundException e) {
    return Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ProblemDetail badRequest(IllegalArgumentException e) {
    return Problems.of(HttpStatus.BAD_REQUEST, "bad-request", "Bad request", e.getMessage());
  }

  /**
   * PostgreSQL is unreachable: nothing was committed, so nothing is acknowledged. A 503 tells
   * Twilio (and API clients) to try again; a 200 without a commit would lose the event.
   */
  @ExceptionHandler({
    DataAccessResourceFailureException.class,
    TransientDataAccessException.class,
    CannotCreateTransactionException.class
  })
  ResponseEntity<ProblemDetail> databaseUnavailable(Exception e) {
    log.error("database unavailable: {}", e.toString());
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, "5")
        .body(
            Problems.of(
                HttpStatus.SERVICE_UNAVAILABLE,
                "database-unavailable",
                "Service unavailable",
                "The database is unavailable; nothing was recorded. Try again shortly."));
  }

  /** The cause is logged for us; the caller gets no stack trace and no internal detail. */
  @ExceptionHandler(Exception.class)
  ProblemDetail unexpected(Exception e) {
    log.error("unhandled error", e);
    meters.counter("switchboard.errors", "type", e.getClass().getSimpleName()).increment();
    return Problems.of(
        HttpStatus.INTERNAL_SERVER_ERROR,
        "internal-error",
        "Internal error",
        "The request failed on our side; it has been logged.");
  }
}

package io.switchboard.api.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
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

  @ExceptionHandler(NotFoundException.class)
  ProblemDetail notFound(NotFoundException e) {
    return Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ProblemDetail badRequest(IllegalArgumentException e) {
    return Problems.of(HttpStatus.BAD_REQUEST, "bad-request", "Bad request", e.getMessage());
  }

  /** The cause is logged for us; the caller gets no stack trace and no internal detail. */
  @ExceptionHandler(Exception.class)
  ProblemDetail unexpected(Exception e) {
    log.error("unhandled error", e);
    return Problems.of(
        HttpStatus.INTERNAL_SERVER_ERROR,
        "internal-error",
        "Internal error",
        "The request failed on our side; it has been logged.");
  }
}

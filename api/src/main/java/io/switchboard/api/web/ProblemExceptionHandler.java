package io.switchboard.api.web;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.api.starts.WorkflowStartPendingException;
import io.temporal.client.WorkflowServiceException;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
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

  private static final String NUL =
      "Text with a NUL character (\\u0000) cannot be stored or searched.";

  private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

  /**
   * PostgreSQL's SQLSTATEs for input it cannot hold, and what the caller is told: a NUL byte in
   * text or in JSON text, a value longer than its column (say a validly signed webhook whose
   * CallSid is 5,000 characters, as the webhook fuzzer sends).
   */
  private static final Map<String, String> UNSTORABLE =
      Map.of(
          "22021", NUL,
          "22P05", NUL,
          "22001", "A value is longer than its field allows.");

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

  /** A {@code @Validated} controller's parameter constraint (say {@code limit=0}) is broken. */
  @ExceptionHandler(ConstraintViolationException.class)
  ProblemDetail constraintViolated(ConstraintViolationException e) {
    String detail =
        e.getConstraintViolations().stream()
            .map(
                violation -> parameter(violation.getPropertyPath()) + ": " + violation.getMessage())
            .sorted()
            .collect(Collectors.joining("; "));
    return Problems.of(HttpStatus.BAD_REQUEST, "bad-request", "Bad request", detail);
  }

  /** Tomcat finds a malformed query or form (an empty name, a bad escape) only when it is read. */
  @ExceptionHandler(InvalidParameterException.class)
  ProblemDetail malformedParameters(InvalidParameterException e) {
    return Problems.of(
        HttpStatus.BAD_REQUEST,
        "bad-request",
        "Bad request",
        "The query or form parameters are malformed.");
  }

  /**
   * Input PostgreSQL cannot hold is the caller's mistake, not our failure (the fuzzers found these
   * as 500s). Other integrity violations stay unexpected.
   */
  @ExceptionHandler(DataIntegrityViolationException.class)
  ProblemDetail integrityViolated(DataIntegrityViolationException e) {
    if (e.getMostSpecificCause() instanceof SQLException sql
        && UNSTORABLE.containsKey(sql.getSQLState())) {
      return Problems.of(
          HttpStatus.BAD_REQUEST, "bad-request", "Bad request", UNSTORABLE.get(sql.getSQLState()));
    }
    return unexpected(e);
  }

  private static String parameter(Path path) {
    String name = null;
    for (Path.Node node : path) {
      name = node.getName();
    }
    return name;
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

  /**
   * Temporal did not take a workflow a request needs now (a cancel right after its send): the
   * request was not carried out, and asking again shortly will be.
   */
  @ExceptionHandler(WorkflowStartPendingException.class)
  ResponseEntity<ProblemDetail> workflowStartPending(WorkflowStartPendingException e) {
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, "5")
        .body(
            Problems.of(
                HttpStatus.SERVICE_UNAVAILABLE,
                "workflow-unavailable",
                "Service unavailable",
                e.getMessage() + " Nothing was changed; try again shortly."));
  }

  /** What Temporal answers when it is down, overloaded or too slow: worth asking again. */
  private static final Set<Status.Code> TEMPORAL_UNAVAILABLE =
      Set.of(
          Status.Code.UNAVAILABLE, Status.Code.DEADLINE_EXCEEDED, Status.Code.RESOURCE_EXHAUSTED);

  /**
   * Temporal did not answer a query or signal (a bulk send's progress or pause, an ops call): a 503
   * with Retry-After says what happened and that asking again is right, where a 500 said "our bug".
   * Queries and these signals are safe to repeat. Other Temporal errors stay 500s.
   */
  @ExceptionHandler({WorkflowServiceException.class, StatusRuntimeException.class})
  ResponseEntity<ProblemDetail> temporalFailure(RuntimeException e) {
    Status.Code code = grpcCode(e);
    if (code == null || !TEMPORAL_UNAVAILABLE.contains(code)) {
      return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(unexpected(e));
    }
    log.warn("Temporal unavailable ({}): {}", code, e.toString());
    meters.counter("switchboard.errors", "type", "TemporalUnavailable").increment();
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, "5")
        .body(
            Problems.of(
                HttpStatus.SERVICE_UNAVAILABLE,
                "workflow-unavailable",
                "Service unavailable",
                "Temporal, which runs calls and messages, did not answer. Try again shortly."));
  }

  private static Status.Code grpcCode(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof StatusRuntimeException status) {
        return status.getStatus().getCode();
      }
    }
    return null;
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

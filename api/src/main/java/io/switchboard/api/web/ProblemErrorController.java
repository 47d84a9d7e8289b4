package io.switchboard.api.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors raised outside Spring MVC (an unknown path, a container error) reach the servlet error
 * page; this answers them as problem documents like every other error.
 */
@RestController
public class ProblemErrorController implements ErrorController {

  @RequestMapping("/error")
  ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
    if (storeUnreachable(request.getAttribute(RequestDispatcher.ERROR_EXCEPTION))) {
      // An API key that cannot be checked (database down, pool exhausted) is no reason for a 500:
      // Spring Security rethrows that as an authentication-service failure, and clients should
      // retry, as they do for the database's 503 everywhere else.
      return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
          .header(HttpHeaders.RETRY_AFTER, "1")
          .contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .body(
              Problems.of(
                  HttpStatus.SERVICE_UNAVAILABLE,
                  "database-unavailable",
                  "Service unavailable",
                  "The request could not be authenticated right now; try again shortly."));
    }
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    HttpStatus status =
        code instanceof Integer value
            ? HttpStatus.resolve(value)
            : HttpStatus.INTERNAL_SERVER_ERROR;
    if (status == null) {
      status = HttpStatus.INTERNAL_SERVER_ERROR;
    }
    ProblemDetail problem =
        Problems.of(
            status,
            status == HttpStatus.NOT_FOUND ? "not-found" : "http-" + status.value(),
            status.getReasonPhrase(),
            status == HttpStatus.NOT_FOUND
                ? "No resource at this path."
                : "The request could not be processed.");
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  private static boolean storeUnreachable(Object error) {
    for (Throwable t = error instanceof Throwable e ? e : null; t != null; t = t.getCause()) {
      if (t instanceof AuthenticationServiceException || t instanceof DataAccessException) {
        return true;
      }
    }
    return false;
  }
}

package io.switchboard.api.voice.flow;

import io.switchboard.api.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Flow errors as problem documents; an invalid flow lists every problem in {@code errors}. */
@RestControllerAdvice(assignableTypes = FlowController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class FlowProblems {

  @ExceptionHandler(InvalidFlowException.class)
  ProblemDetail invalid(InvalidFlowException e) {
    ProblemDetail problem =
        Problems.of(
            HttpStatus.UNPROCESSABLE_CONTENT,
            "invalid-flow",
            "The flow cannot be published",
            e.errors().size() + " problem(s): " + e.getMessage());
    problem.setProperty("errors", e.errors());
    return problem;
  }
}

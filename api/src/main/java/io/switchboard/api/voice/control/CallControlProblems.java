package io.switchboard.api.voice.control;

import io.switchboard.api.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Live-call control's errors as problem documents, ahead of the catch-all handler. */
@RestControllerAdvice(assignableTypes = CallControlController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class CallControlProblems {

  @ExceptionHandler(InvalidCommandException.class)
  ProblemDetail invalid(InvalidCommandException e) {
    return Problems.of(
        HttpStatus.BAD_REQUEST, "invalid-call-command", "The command is not valid", e.getMessage());
  }

  /** The body names a flow that was never published: the call is there, the flow is not. */
  @ExceptionHandler(UnknownFlowException.class)
  ProblemDetail unknownFlow(UnknownFlowException e) {
    ProblemDetail problem =
        Problems.of(
            HttpStatus.UNPROCESSABLE_CONTENT,
            "transfer-flow-not-found",
            "No such flow",
            "No flow named '" + e.name + "' is published.");
    problem.setProperty("flow", e.name);
    return problem;
  }

  /** The call's state does not allow the command: a conflict, with Twilio's own code. */
  @ExceptionHandler(CallCommandRefusedException.class)
  ProblemDetail refused(CallCommandRefusedException e) {
    ProblemDetail problem =
        Problems.of(
            HttpStatus.CONFLICT,
            "call-command-refused",
            "Twilio refused the command",
            e.getMessage());
    problem.setProperty("twilioCode", e.result.errorCode());
    return problem;
  }
}

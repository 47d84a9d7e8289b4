package io.switchboard.api.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Builds problem documents with Switchboard's type URNs. */
public final class Problems {

  private Problems() {}

  public static ProblemDetail of(HttpStatus status, String type, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(ProblemWriter.type(type));
    problem.setTitle(title);
    return problem;
  }
}

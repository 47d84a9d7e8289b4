package io.switchboard.api.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes RFC 9457 problem documents from places that run before Spring MVC (servlet filters, Spring
 * Security's entry points), so that every error the service returns has one shape.
 */
@Component
public class ProblemWriter {

  private final JsonMapper json;

  public ProblemWriter(JsonMapper json) {
    this.json = json;
  }

  public void write(
      HttpServletResponse response, HttpStatus status, String type, String title, String detail)
      throws IOException {
    ProblemDetail problem = Problems.of(status, type, title, detail);
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem);
  }

  /** Problem types are URNs: stable, documented identifiers that need no web page to exist. */
  public static URI type(String name) {
    return URI.create("urn:switchboard:problem:" + name);
  }
}

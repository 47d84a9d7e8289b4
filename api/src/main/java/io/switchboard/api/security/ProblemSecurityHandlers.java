package io.switchboard.api.security;

import io.switchboard.api.web.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/** Answers 401 and 403 from Spring Security as problem documents, with the bearer challenge. */
@Component
public class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

  private final ProblemWriter problems;

  public ProblemSecurityHandlers(ProblemWriter problems) {
    this.problems = problems;
  }

  @Override
  public void commence(
      HttpServletRequest request,
      HttpServletResponse response,
      AuthenticationException authException)
      throws IOException {
    boolean presented = request.getHeader(HttpHeaders.AUTHORIZATION) != null;
    response.setHeader(
        HttpHeaders.WWW_AUTHENTICATE,
        presented ? "Bearer error=\"invalid_token\"" : "Bearer realm=\"switchboard\"");
    problems.write(
        response,
        HttpStatus.UNAUTHORIZED,
        "unauthenticated",
        "Authentication required",
        presented
            ? "The API key is unknown or revoked."
            : "Send an API key as 'Authorization: Bearer <key>'.");
  }

  @Override
  public void handle(
      HttpServletRequest request,
      HttpServletResponse response,
      AccessDeniedException accessDeniedException)
      throws IOException {
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\"");
    problems.write(
        response,
        HttpStatus.FORBIDDEN,
        "insufficient-scope",
        "Insufficient scope",
        "The API key does not have the scope this operation needs.");
  }
}

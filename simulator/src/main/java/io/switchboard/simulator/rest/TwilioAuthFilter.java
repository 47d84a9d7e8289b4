package io.switchboard.simulator.rest;

import io.switchboard.simulator.SimulatorProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HTTP basic auth with AccountSid and AuthToken, as Twilio's REST API asks. Recording media stays
 * open, as it is on Twilio unless an account turns on authentication for media.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class TwilioAuthFilter extends OncePerRequestFilter {

  public static final String PREFIX = "/simulator/twilio";

  private static final Pattern MEDIA =
      Pattern.compile(".*/Recordings/RE[0-9a-fA-F]{32}(\\.wav|\\.mp3)?$");

  private final SimulatorProperties account;

  public TwilioAuthFilter(SimulatorProperties account) {
    this.account = account;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    boolean media = "GET".equals(request.getMethod()) && MEDIA.matcher(path).matches();
    return !path.startsWith(PREFIX + "/") || media;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (authenticated(request.getHeader("Authorization"))) {
      chain.doFilter(request, response);
      return;
    }
    response.setStatus(401);
    response.setHeader("WWW-Authenticate", "Basic realm=\"Twilio API\"");
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.getWriter().write(TwilioErrors.json(401, 20003, "Authenticate"));
  }

  private boolean authenticated(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return false;
    }
    String expected = account.accountSid() + ":" + account.authToken();
    byte[] given;
    try {
      given = Base64.getDecoder().decode(header.substring(6).trim());
    } catch (IllegalArgumentException e) {
      return false;
    }
    return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given);
  }
}

package io.switchboard.simulator.faults;

import io.switchboard.simulator.rest.TwilioAuthFilter;
import io.switchboard.simulator.rest.TwilioErrors;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Applies the REST faults to Twilio's paths, after authentication: a request is matched on its To
 * and From parameters, or by any global fault.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class RestFaultFilter extends OncePerRequestFilter {

  private final FaultRegistry faults;

  RestFaultFilter(FaultRegistry faults) {
    this.faults = faults;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !path.startsWith(TwilioAuthFilter.PREFIX + "/");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    List<String> numbers = numbers(request);
    faults.strike(FaultType.LATENCY, numbers).ifPresent(rule -> sleep(rule.delayMillis()));
    if (faults.strike(FaultType.RATE_LIMIT, numbers).isPresent()) {
      refuse(response, 429, 20429, "Too Many Requests");
      return;
    }
    Optional<FaultRule> error = faults.strike(FaultType.SERVER_ERROR, numbers);
    if (error.isPresent()) {
      boolean unavailable = Integer.valueOf(503).equals(error.get().httpStatus());
      refuse(
          response,
          unavailable ? 503 : 500,
          unavailable ? 20503 : 20500,
          unavailable ? "Service Unavailable" : "Internal Server Error");
      return;
    }
    Optional<FaultRule> late = faults.strike(FaultType.TIMEOUT_AFTER_SUCCESS, numbers);
    if (late.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    // The resource is made now; only the answer is held back, past the client's timeout.
    ContentCachingResponseWrapper held = new ContentCachingResponseWrapper(response);
    chain.doFilter(request, held);
    sleep(late.get().delayMillis());
    held.copyBodyToResponse();
  }

  private static List<String> numbers(HttpServletRequest request) {
    List<String> numbers = new ArrayList<>(2);
    for (String name : List.of("To", "From")) {
      String value = request.getParameter(name);
      if (value != null) {
        numbers.add(value);
      }
    }
    return numbers;
  }

  private static void refuse(HttpServletResponse response, int status, int code, String message)
      throws IOException {
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.getWriter().write(TwilioErrors.json(status, code, message));
  }

  private static void sleep(Long millis) {
    try {
      Thread.sleep(millis == null ? 0 : millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

package io.switchboard.api.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Times every webhook from arrival to response, per endpoint and outcome ({@code
 * switchboard.webhooks.processing}), and counts server-side failures as errors. Endpoints are a
 * fixed list, so that a scanner posting random paths cannot multiply the time series.
 */
public class WebhookMetricsFilter extends OncePerRequestFilter {

  static final Set<String> ENDPOINTS =
      Set.of(
          "/webhooks/voice",
          "/webhooks/voice/fallback",
          "/webhooks/sms",
          "/webhooks/status",
          "/webhooks/recording",
          "/webhooks/transcription");

  private final MeterRegistry meters;

  public WebhookMetricsFilter(MeterRegistry meters) {
    this.meters = meters;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Timer.Sample sample = Timer.start(meters);
    String outcome = "SERVER_ERROR";
    try {
      chain.doFilter(request, response);
      HttpStatus.Series series = HttpStatus.Series.resolve(response.getStatus());
      outcome = series == null ? "UNKNOWN" : series.name();
    } finally {
      String endpoint = endpoint(request);
      sample.stop(
          Timer.builder("switchboard.webhooks.processing")
              .description("Webhook handling time, from arrival to response")
              .tag("endpoint", endpoint)
              .tag("outcome", outcome)
              .publishPercentileHistogram()
              .register(meters));
      if (outcome.equals("SERVER_ERROR")) {
        meters.counter("switchboard.errors", "type", "webhook_server_error").increment();
      }
    }
  }

  static String endpoint(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (ENDPOINTS.contains(path)) {
      return path;
    }
    return path.startsWith("/webhooks/voice/") ? "/webhooks/voice/other" : "other";
  }
}

package io.switchboard.api.security;

import com.twilio.security.RequestValidator;
import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.api.web.ProblemWriter;
import io.switchboard.config.SwitchboardProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a webhook through only when Twilio signed it for our account. Everything turned away is
 * counted by reason and answered with a problem document; nothing of it is stored or logged beyond
 * the reason, since a forged request carries no data we can trust.
 */
public class TwilioSignatureFilter extends OncePerRequestFilter {

  static final String SIGNATURE_HEADER = "X-Twilio-Signature";
  static final String IDEMPOTENCY_HEADER = "I-Twilio-Idempotency-Token";

  /** Twilio's largest webhooks (MMS with ten media items) are a few kilobytes. */
  static final int MAX_BODY_BYTES = 64 * 1024;

  private static final Logger log = LoggerFactory.getLogger(TwilioSignatureFilter.class);

  private final RequestValidator validator;
  private final String accountSid;
  private final WebhookUrls urls;
  private final ProblemWriter problems;
  private final MeterRegistry meters;

  public TwilioSignatureFilter(
      SwitchboardProperties properties,
      WebhookUrls urls,
      ProblemWriter problems,
      MeterRegistry meters) {
    SwitchboardProperties.Twilio twilio = properties.twilio();
    this.validator = new RequestValidator(twilio.authToken() == null ? "" : twilio.authToken());
    this.accountSid = twilio.accountSid();
    this.urls = urls;
    this.problems = problems;
    this.meters = meters;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String signature = request.getHeader(SIGNATURE_HEADER);
    if (signature == null || signature.isBlank()) {
      reject(response, WebhookRejection.MISSING_SIGNATURE);
      return;
    }
    Map<String, String> body;
    if ("POST".equals(request.getMethod())) {
      if (!isForm(request.getContentType())) {
        reject(response, WebhookRejection.UNSUPPORTED_MEDIA_TYPE);
        return;
      }
      byte[] bytes = readBounded(request.getInputStream());
      if (bytes == null) {
        reject(response, WebhookRejection.BODY_TOO_LARGE);
        return;
      }
      try {
        body = FormBodies.parse(new String(bytes, StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        reject(response, WebhookRejection.MALFORMED_BODY);
        return;
      }
    } else {
      body = Map.of();
    }
    String url = urls.signedUrl(request);
    if (!validator.validate(url, body, signature)) {
      reject(response, WebhookRejection.INVALID_SIGNATURE);
      return;
    }
    Map<String, String> parameters =
        body.isEmpty() ? FormBodies.parse(request.getQueryString()) : body;
    if (accountSid == null || !accountSid.equals(parameters.get("AccountSid"))) {
      reject(response, WebhookRejection.UNKNOWN_ACCOUNT);
      return;
    }
    request.setAttribute(
        TwilioWebhook.ATTRIBUTE,
        new TwilioWebhook(url, parameters, request.getHeader(IDEMPOTENCY_HEADER)));
    chain.doFilter(request, response);
  }

  private void reject(HttpServletResponse response, WebhookRejection reason) throws IOException {
    String name = reason.name().toLowerCase(Locale.ROOT);
    meters.counter("switchboard.webhooks.rejected", "reason", name).increment();
    log.warn("webhook rejected: {}", name);
    HttpStatus status =
        switch (reason) {
          case MISSING_SIGNATURE, INVALID_SIGNATURE, UNKNOWN_ACCOUNT -> HttpStatus.FORBIDDEN;
          case UNSUPPORTED_MEDIA_TYPE -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
          case BODY_TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
          case MALFORMED_BODY -> HttpStatus.BAD_REQUEST;
        };
    problems.write(
        response, status, "webhook-" + name.replace('_', '-'), "Webhook rejected", detail(reason));
  }

  private static String detail(WebhookRejection reason) {
    return switch (reason) {
      case MISSING_SIGNATURE -> "The request has no X-Twilio-Signature header.";
      case INVALID_SIGNATURE -> "The X-Twilio-Signature header does not match this request.";
      case UNKNOWN_ACCOUNT -> "The request is not for this Twilio account.";
      case UNSUPPORTED_MEDIA_TYPE -> "Webhooks must be application/x-www-form-urlencoded.";
      case BODY_TOO_LARGE -> "The request body is larger than " + MAX_BODY_BYTES + " bytes.";
      case MALFORMED_BODY -> "The form body could not be decoded.";
    };
  }

  private static boolean isForm(String contentType) {
    if (contentType == null) {
      return false;
    }
    try {
      return MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(
          MediaType.parseMediaType(contentType));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Returns the body, or null when it is larger than {@link #MAX_BODY_BYTES}. */
  private static byte[] readBounded(InputStream in) throws IOException {
    byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
    return bytes.length > MAX_BODY_BYTES ? null : bytes;
  }
}

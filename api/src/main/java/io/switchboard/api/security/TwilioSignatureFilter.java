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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Lets a webhook through only when Twilio signed it for our account. Everything turned away is
 * counted by reason and answered with a problem document; nothing of it is stored or logged beyond
 * the reason, since a forged request carries no data we can trust.
 */
public class TwilioSignatureFilter extends OncePerRequestFilter {

  static final String SIGNATURE_HEADER = "X-Twilio-Signature";
  static final String IDEMPOTENCY_HEADER = "I-Twilio-Idempotency-Token";

  private static final java.util.List<String> KEPT_HEADERS =
      java.util.List.of(
          IDEMPOTENCY_HEADER,
          SIGNATURE_HEADER,
          "User-Agent",
          "X-Home-Region",
          "X-Twilio-Webhook-Retry");

  /** Twilio's largest webhooks (MMS with ten media items) are a few kilobytes. */
  static final int MAX_BODY_BYTES = 64 * 1024;

  private static final Logger log = LoggerFactory.getLogger(TwilioSignatureFilter.class);

  private final RequestValidator validator;
  private final String accountSid;
  private final WebhookUrls urls;
  private final TrustedProxies proxies;
  private final List<IpAddressMatcher> allowed;
  private final ProblemWriter problems;
  private final MeterRegistry meters;
  private final JsonMapper json;

  public TwilioSignatureFilter(
      SwitchboardProperties properties,
      WebhookUrls urls,
      TrustedProxies proxies,
      List<String> allowedCidrs,
      ProblemWriter problems,
      MeterRegistry meters,
      JsonMapper json) {
    SwitchboardProperties.Twilio twilio = properties.twilio();
    this.validator = new RequestValidator(twilio.authToken() == null ? "" : twilio.authToken());
    this.accountSid = twilio.accountSid();
    this.urls = urls;
    this.proxies = proxies;
    this.allowed = allowedCidrs.stream().map(IpAddressMatcher::new).toList();
    this.problems = problems;
    this.meters = meters;
    this.json = json;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!allowed.isEmpty() && !isAllowed(proxies.clientAddress(request))) {
      reject(response, WebhookRejection.IP_NOT_ALLOWED);
      return;
    }
    String signature = request.getHeader(SIGNATURE_HEADER);
    if (signature == null || signature.isBlank()) {
      reject(response, WebhookRejection.MISSING_SIGNATURE);
      return;
    }
    Map<String, String> query;
    try {
      query = FormBodies.parse(request.getQueryString());
    } catch (IllegalArgumentException e) {
      reject(response, WebhookRejection.MALFORMED_BODY);
      return;
    }
    SignedBody body;
    try {
      body = readBody(request, query);
    } catch (Rejected e) {
      reject(response, e.reason);
      return;
    }
    Optional<String> url =
        urls.candidates(request).stream()
            .filter(candidate -> body.verify(candidate, signature))
            .findFirst();
    if (url.isEmpty()) {
      reject(response, WebhookRejection.INVALID_SIGNATURE);
      return;
    }
    Map<String, String> parameters = "POST".equals(request.getMethod()) ? body.params() : query;
    if (accountSid == null || !accountSid.equals(parameters.get("AccountSid"))) {
      reject(response, WebhookRejection.UNKNOWN_ACCOUNT);
      return;
    }
    String tooLong = WebhookParameterLimits.firstTooLong(parameters);
    if (tooLong == null) {
      tooLong = WebhookParameterLimits.firstTooLong(query);
    }
    if (tooLong != null) {
      reject(response, WebhookRejection.PARAMETER_TOO_LONG, tooLong);
      return;
    }
    request.setAttribute(
        TwilioWebhook.ATTRIBUTE,
        new TwilioWebhook(
            url.get(),
            parameters,
            query,
            request.getHeader(IDEMPOTENCY_HEADER),
            keptHeaders(request)));
    chain.doFilter(request, response);
  }

  /** A body and how to check a signature over it. */
  private interface SignedBody {
    Map<String, String> params();

    boolean verify(String url, String signature);
  }

  private SignedBody readBody(HttpServletRequest request, Map<String, String> query)
      throws IOException, Rejected {
    if (!"POST".equals(request.getMethod())) {
      return form(Map.of());
    }
    MediaType type = mediaType(request.getContentType());
    boolean isJson = type != null && MediaType.APPLICATION_JSON.isCompatibleWith(type);
    boolean isForm = type != null && MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(type);
    if (!isForm && !(isJson && query.containsKey("bodySHA256"))) {
      throw new Rejected(WebhookRejection.UNSUPPORTED_MEDIA_TYPE);
    }
    byte[] bytes = readBounded(request.getInputStream());
    if (bytes == null) {
      throw new Rejected(WebhookRejection.BODY_TOO_LARGE);
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    try {
      return isForm ? form(FormBodies.parse(text)) : json(text);
    } catch (IllegalArgumentException | JacksonException e) {
      throw new Rejected(WebhookRejection.MALFORMED_BODY);
    }
  }

  private SignedBody form(Map<String, String> params) {
    return new SignedBody() {
      @Override
      public Map<String, String> params() {
        return params;
      }

      @Override
      public boolean verify(String url, String signature) {
        return validator.validate(url, params, signature);
      }
    };
  }

  /**
   * Twilio signs JSON bodies differently: the URL carries {@code bodySHA256}, the signature covers
   * the URL alone, and the body must hash to that value.
   */
  private SignedBody json(String body) {
    Map<String, String> params = new LinkedHashMap<>();
    json.readTree(body)
        .properties()
        .forEach(
            field -> {
              if (field.getValue().isValueNode()) {
                params.put(field.getKey(), field.getValue().asString());
              }
            });
    params.putIfAbsent("AccountSid", params.get("account_sid"));
    return new SignedBody() {
      @Override
      public Map<String, String> params() {
        return params;
      }

      @Override
      public boolean verify(String url, String signature) {
        try {
          return validator.validate(url, body, signature);
        } catch (java.net.URISyntaxException e) {
          return false;
        }
      }
    };
  }

  private boolean isAllowed(String address) {
    return address != null && allowed.stream().anyMatch(range -> range.matches(address));
  }

  private static final class Rejected extends Exception {
    private final WebhookRejection reason;

    Rejected(WebhookRejection reason) {
      super(reason.name(), null, false, false);
      this.reason = reason;
    }
  }

  private void reject(HttpServletResponse response, WebhookRejection reason) throws IOException {
    reject(response, reason, null);
  }

  /** The parameter, when there is one, is named; its value never is. */
  private void reject(HttpServletResponse response, WebhookRejection reason, String parameter)
      throws IOException {
    String name = reason.name().toLowerCase(Locale.ROOT);
    meters.counter("switchboard.webhooks.rejected", "reason", name).increment();
    log.warn("webhook rejected: {}", name);
    HttpStatus status =
        switch (reason) {
          case MISSING_SIGNATURE, INVALID_SIGNATURE, UNKNOWN_ACCOUNT, IP_NOT_ALLOWED ->
              HttpStatus.FORBIDDEN;
          case UNSUPPORTED_MEDIA_TYPE -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
          case BODY_TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
          case MALFORMED_BODY, PARAMETER_TOO_LONG -> HttpStatus.BAD_REQUEST;
        };
    String detail =
        parameter == null
            ? detail(reason)
            : detail(reason)
                + " "
                + parameter
                + " may be at most "
                + WebhookParameterLimits.limit(parameter)
                + " characters.";
    problems.write(
        response, status, "webhook-" + name.replace('_', '-'), "Webhook rejected", detail);
  }

  private static String detail(WebhookRejection reason) {
    return switch (reason) {
      case IP_NOT_ALLOWED -> "Webhooks are not accepted from this address.";
      case MISSING_SIGNATURE -> "The request has no X-Twilio-Signature header.";
      case INVALID_SIGNATURE -> "The X-Twilio-Signature header does not match this request.";
      case UNKNOWN_ACCOUNT -> "The request is not for this Twilio account.";
      case UNSUPPORTED_MEDIA_TYPE ->
          "Webhooks must be application/x-www-form-urlencoded, or JSON signed with bodySHA256.";
      case BODY_TOO_LARGE -> "The request body is larger than " + MAX_BODY_BYTES + " bytes.";
      case MALFORMED_BODY -> "The form body could not be decoded.";
      case PARAMETER_TOO_LONG -> "A parameter is longer than Twilio sends.";
    };
  }

  /** The headers an operator may need when looking at an event later; never cookies or auth. */
  private static Map<String, String> keptHeaders(HttpServletRequest request) {
    Map<String, String> kept = new java.util.TreeMap<>();
    for (String name : KEPT_HEADERS) {
      String value = request.getHeader(name);
      if (value != null) {
        kept.put(name, value);
      }
    }
    return kept;
  }

  private static MediaType mediaType(String contentType) {
    if (contentType == null) {
      return null;
    }
    try {
      return MediaType.parseMediaType(contentType);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Returns the body, or null when it is larger than {@link #MAX_BODY_BYTES}. */
  private static byte[] readBounded(InputStream in) throws IOException {
    byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
    return bytes.length > MAX_BODY_BYTES ? null : bytes;
  }
}

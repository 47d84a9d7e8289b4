package io.switchboard.simulator.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Sends webhooks to the application the way Twilio does: form-encoded POST (or GET with the
 * parameters in the query), signed with the auth token, with an idempotency token, and with
 * Twilio's 15-second timeout.
 */
public class SignedWebhookClient {

  /** Twilio gives up on a webhook after 15 seconds. */
  public static final Duration TWILIO_TIMEOUT = Duration.ofSeconds(15);

  private final HttpClient http;
  private final String authToken;

  public SignedWebhookClient(String authToken) {
    this(authToken, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
  }

  public SignedWebhookClient(String authToken, HttpClient http) {
    this.authToken = authToken;
    this.http = http;
  }

  /** What the application answered, and how long it took. */
  public record Response(int status, String contentType, String body, Duration elapsed) {}

  public Response post(String url, Map<String, String> parameters) {
    return post(url, parameters, UUID.randomUUID().toString());
  }

  public Response post(String url, Map<String, String> parameters, String idempotencyToken) {
    Map<String, String> ordered = new LinkedHashMap<>(parameters);
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(TWILIO_TIMEOUT)
            .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
            .header("X-Twilio-Signature", TwilioSignatures.sign(authToken, url, ordered))
            .header("I-Twilio-Idempotency-Token", idempotencyToken)
            .header("User-Agent", "TwilioProxy/1.1 (Switchboard simulator)")
            .POST(HttpRequest.BodyPublishers.ofString(formEncode(ordered)))
            .build();
    return send(request);
  }

  public Response get(String url, Map<String, String> parameters) {
    String query = formEncode(parameters);
    String full = query.isEmpty() ? url : url + (url.contains("?") ? "&" : "?") + query;
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(full))
            .timeout(TWILIO_TIMEOUT)
            .header("X-Twilio-Signature", TwilioSignatures.sign(authToken, full, Map.of()))
            .header("I-Twilio-Idempotency-Token", UUID.randomUUID().toString())
            .GET()
            .build();
    return send(request);
  }

  /**
   * A GET webhook whose idempotency token the caller chooses, so that a retried (or deliberately
   * duplicated) callback carries the same token as the first, as Twilio's retries do.
   */
  public Response get(String url, Map<String, String> parameters, String idempotencyToken) {
    String query = formEncode(parameters);
    String full = query.isEmpty() ? url : url + (url.contains("?") ? "&" : "?") + query;
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(full))
            .timeout(TWILIO_TIMEOUT)
            .header("X-Twilio-Signature", TwilioSignatures.sign(authToken, full, Map.of()))
            .header("I-Twilio-Idempotency-Token", idempotencyToken)
            .header("User-Agent", "TwilioProxy/1.1 (Switchboard simulator)")
            .GET()
            .build();
    return send(request);
  }

  public static String formEncode(Map<String, String> parameters) {
    return parameters.entrySet().stream()
        .map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
        .collect(Collectors.joining("&"));
  }

  private Response send(HttpRequest request) {
    long start = System.nanoTime();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Response(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.body(),
          Duration.ofNanos(System.nanoTime() - start));
    } catch (IOException e) {
      throw new WebhookFailedException("webhook to " + request.uri() + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WebhookFailedException("interrupted while sending a webhook", e);
    }
  }

  private static String encode(String text) {
    return URLEncoder.encode(text == null ? "" : text, StandardCharsets.UTF_8);
  }

  /** The application could not be reached or did not answer in time. */
  public static class WebhookFailedException extends RuntimeException {
    public WebhookFailedException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}

package io.switchboard.integration;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Posts an integration event (recording ready, inbound message) to a customer's endpoint. The body
 * is signed as {@code t=<epoch seconds>,v1=<hex HMAC-SHA256 of "t.body">} in {@code
 * Switchboard-Signature}, so that receivers can check it and refuse replays; {@code
 * Idempotency-Key} is the same on every retry of one event. Retries are Temporal's: a refusal is an
 * exception.
 */
public final class SignedEventPoster {

  public static final String SIGNATURE_HEADER = "Switchboard-Signature";

  private final Clock clock;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public SignedEventPoster(Clock clock) {
    this.clock = clock;
  }

  /**
   * Posts the JSON body, signed.
   *
   * @param secret the HMAC secret; blank is refused with {@code secretSetting} named, since an
   *     unsigned event could not be told from a forged one
   * @param what names the event in errors, such as {@code recording ready event}
   * @throws IllegalStateException when the receiver answers anything but 2xx
   */
  public void post(
      URI url, String secret, String secretSetting, String idempotencyKey, String json, String what)
      throws IOException, InterruptedException {
    if (secret == null || secret.isBlank()) {
      throw new IllegalStateException("set " + secretSetting + " to sign " + what + "s");
    }
    long t = clock.instant().getEpochSecond();
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", idempotencyKey)
            .header(SIGNATURE_HEADER, "t=" + t + ",v1=" + sign(secret, t + "." + json))
            .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
            .build();
    HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException(what + " answered HTTP " + response.statusCode());
    }
  }

  /** The hex HMAC-SHA256 of the payload under the secret. */
  public static String sign(String secret, String payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}

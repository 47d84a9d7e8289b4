package io.switchboard.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.config.SwitchboardProperties;
import io.switchboard.simulator.webhook.TwilioSignatures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Fuzzes every webhook endpoint over real HTTP: forged and mutated signatures must all be refused
 * (none accepted, none stored), and validly signed requests with mutated parameters must never get
 * a 5xx. The mutations come from a fixed seed, so a failure reproduces.
 */
@SimulatorDrivenPlatformTest
class WebhookFuzzIT {

  static final List<String> ENDPOINTS =
      List.of(
          "/webhooks/voice",
          "/webhooks/voice/fallback",
          "/webhooks/voice/main",
          "/webhooks/sms",
          "/webhooks/status",
          "/webhooks/recording",
          "/webhooks/transcription");

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @LocalServerPort int port;
  @Autowired SwitchboardProperties properties;

  @Test
  void noForgedOrMutatedSignatureIsAcceptedOrStored() throws Exception {
    WebhookForgeries forgeries =
        new WebhookForgeries(
            properties.twilio().accountSid(), properties.twilio().authToken(), new Random(7));
    List<String> accepted = new ArrayList<>();
    List<String> serverErrors = new ArrayList<>();
    int sent = 0;
    for (String path : ENDPOINTS) {
      for (WebhookForgeries.Forgery forgery : forgeries.all(base(), path)) {
        HttpResponse<String> response = http.send(forgery.request(), bodyAsString());
        sent++;
        if (response.statusCode() < 300) {
          accepted.add(path + " " + forgery.name());
        }
        if (response.statusCode() >= 500) {
          serverErrors.add(path + " " + forgery.name() + " -> " + response.statusCode());
        }
      }
    }
    System.out.printf(
        "webhook fuzzer: %d forgeries, %d accepted, %d 5xx%n",
        sent, accepted.size(), serverErrors.size());
    assertThat(sent).isGreaterThan(ENDPOINTS.size() * 20);
    assertThat(accepted).as("accepted forgeries").isEmpty();
    assertThat(serverErrors).as("5xx").isEmpty();
    assertThat(storedEvents(forgeries.callSid())).isEqualTo("[]");
    assertThat(storedEvents(forgeries.messageSid())).isEqualTo("[]");
  }

  @Test
  void signedRequestsWithMutatedParametersNeverGetA5xx() throws Exception {
    WebhookForgeries fuzz =
        new WebhookForgeries(
            properties.twilio().accountSid(), properties.twilio().authToken(), new Random(11));
    List<String> serverErrors = new ArrayList<>();
    int sent = 0;
    for (String path : ENDPOINTS) {
      for (int i = 0; i < 15; i++) {
        Map<String, String> params = fuzz.mutatedParams();
        HttpResponse<String> response = http.send(signed(path, params), bodyAsString());
        sent++;
        if (response.statusCode() >= 500) {
          serverErrors.add(path + " " + params.keySet() + " -> " + response.statusCode());
        }
      }
    }
    System.out.printf("webhook fuzzer: %d signed mutants, %d 5xx%n", sent, serverErrors.size());
    assertThat(serverErrors).as("5xx").isEmpty();
  }

  private HttpRequest signed(String path, Map<String, String> params) {
    return HttpRequest.newBuilder(URI.create(base() + path))
        .timeout(Duration.ofSeconds(20))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header(
            "X-Twilio-Signature",
            TwilioSignatures.sign(properties.twilio().authToken(), base() + path, params))
        .POST(HttpRequest.BodyPublishers.ofString(WebhookForgeries.form(params)))
        .build();
  }

  private String storedEvents(String sid) throws Exception {
    HttpResponse<String> events =
        http.send(
            HttpRequest.newBuilder(URI.create(base() + "/api/webhook-events?sid=" + sid))
                .header("Authorization", "Bearer " + SimulatorDrivenPlatformTest.API_KEY)
                .build(),
            bodyAsString());
    assertThat(events.statusCode()).isEqualTo(200);
    return events.body();
  }

  private String base() {
    return "http://localhost:" + port;
  }

  private static HttpResponse.BodyHandler<String> bodyAsString() {
    return HttpResponse.BodyHandlers.ofString();
  }
}

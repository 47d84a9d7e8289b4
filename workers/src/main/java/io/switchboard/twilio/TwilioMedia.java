package io.switchboard.twilio;

import io.switchboard.common.TwilioFailureType;
import io.switchboard.config.SwitchboardProperties;
import io.switchboard.recording.RecordingFailureType;
import io.switchboard.simulator.client.SimulatorHttpClient;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Downloads recording media, streamed. A RecordingUrl arrives in a webhook, so it is checked before
 * anything is fetched (no server-side request forgery): only {@code https://api.twilio.com}, only
 * our own account's Recordings. In simulator mode that URL is then aimed at the simulator, and no
 * other. The account's credentials go to that host only; a redirect (Twilio may hand media to its
 * storage) is followed once, over HTTPS, to Twilio's or its storage's hosts, without them.
 */
@Component
public class TwilioMedia {

  static final String MEDIA_HOST = "api.twilio.com";
  static final List<String> REDIRECT_HOST_SUFFIXES =
      List.of(".twilio.com", ".twiliocdn.com", ".amazonaws.com");

  private final SwitchboardProperties.Twilio twilio;
  private final Environment environment;
  private final TwilioHttpProperties timeouts;
  private final HttpClient http;
  private volatile SimulatorHttpClient simulator;

  TwilioMedia(
      SwitchboardProperties properties, Environment environment, TwilioHttpProperties http) {
    this.twilio = properties.twilio();
    this.environment = environment;
    this.timeouts = http;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(http.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** The WAV media of a RecordingUrl, as a stream the caller closes. */
  public InputStream openWav(String recordingUrl) {
    URI checked = check(recordingUrl);
    URI target = URI.create(aim(checked.toString() + ".wav"));
    try {
      HttpResponse<InputStream> response = get(target, true);
      if (response.statusCode() / 100 == 3) {
        response.body().close();
        URI next = redirect(target, response);
        response = get(next, false);
      }
      if (response.statusCode() != 200) {
        response.body().close();
        throw failure(response.statusCode());
      }
      return response.body();
    } catch (IOException e) {
      throw ApplicationFailure.newFailure(
          "recording media download failed: " + e.getClass().getSimpleName(),
          TwilioFailureType.TWILIO_UNAVAILABLE.name());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** Refuses anything but Twilio's media host and our own account's recordings. */
  URI check(String recordingUrl) {
    URI uri;
    try {
      uri = URI.create(recordingUrl == null ? "" : recordingUrl).normalize();
    } catch (IllegalArgumentException e) {
      throw refused("is not a URL");
    }
    if (!"https".equals(uri.getScheme())
        || uri.getRawUserInfo() != null
        || uri.getHost() == null
        || !MEDIA_HOST.equals(uri.getHost().toLowerCase(Locale.ROOT))
        || (uri.getPort() != -1 && uri.getPort() != 443)
        || uri.getRawQuery() != null
        || uri.getRawFragment() != null) {
      throw refused("is not on Twilio's media host " + MEDIA_HOST);
    }
    String prefix = "/2010-04-01/Accounts/" + twilio.accountSid() + "/Recordings/";
    String path = uri.getRawPath();
    if (path == null
        || !path.startsWith(prefix)
        || !path.substring(prefix.length()).matches("RE[0-9a-zA-Z]{32}")) {
      throw refused("is not a recording of this account");
    }
    return uri;
  }

  private String aim(String url) {
    if (twilio.effectiveMode() == SwitchboardProperties.TwilioMode.LIVE) {
      return url;
    }
    SimulatorHttpClient simulator = this.simulator;
    if (simulator == null) {
      // Resolved on first use: the simulator's port is known only once the server listens.
      simulator =
          new SimulatorHttpClient(TwilioClientConfiguration.simulatorUrl(twilio, environment));
      this.simulator = simulator;
    }
    return simulator.rewrite(url);
  }

  private HttpResponse<InputStream> get(URI uri, boolean credentials)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeouts.readTimeout()).GET();
    if (credentials) {
      String basic = twilio.accountSid() + ":" + twilio.authToken();
      request.header(
          "Authorization",
          "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
  }

  private static URI redirect(URI from, HttpResponse<?> response) {
    URI next =
        response
            .headers()
            .firstValue("Location")
            .map(from::resolve)
            .orElseThrow(() -> refused("redirected nowhere"));
    String host = next.getHost() == null ? "" : next.getHost().toLowerCase(Locale.ROOT);
    if (!"https".equals(next.getScheme())
        || REDIRECT_HOST_SUFFIXES.stream().noneMatch(host::endsWith)) {
      throw refused("redirected off Twilio's hosts");
    }
    return next;
  }

  private static ApplicationFailure failure(int status) {
    TwilioFailureType type =
        status == 404
            ? TwilioFailureType.TWILIO_UNAVAILABLE
            : TwilioFailureType.classify(null, status);
    // A fresh recording may not be served for a moment: 404 is retried, within the attempt limit.
    return ApplicationFailure.newFailure(
        "recording media download answered HTTP " + status, type.name(), status);
  }

  private static ApplicationFailure refused(String why) {
    return ApplicationFailure.newNonRetryableFailure(
        "RecordingUrl refused: it " + why, RecordingFailureType.MEDIA_HOST_REFUSED.name());
  }
}

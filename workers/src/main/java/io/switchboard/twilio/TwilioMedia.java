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
import java.util.function.Predicate;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Downloads media from Twilio, streamed: recordings and the media of inbound messages. Their URLs
 * arrive in webhooks, so each is checked before anything is fetched (no server-side request
 * forgery): only {@code https://api.twilio.com}, only our own account's resources. In simulator
 * mode that URL is then aimed at the simulator, and no other. The account's credentials go to that
 * host only; a redirect (Twilio hands media to its storage) is followed once, over HTTPS, to
 * Twilio's storage hosts only, without them.
 */
@Component
public class TwilioMedia {

  static final String MEDIA_HOST = "api.twilio.com";
  static final List<String> REDIRECT_HOST_SUFFIXES =
      List.of(".twilio.com", ".twiliocdn.com", ".amazonaws.com");

  /**
   * Where Twilio's media host sends message media, as Twilio documents it: {@code
   * mms.twiliocdn.com} for accounts that enforce HTTP authentication on media URLs (recommended),
   * and its bucket {@code media.twiliocdn.com} on {@code s3-external-1.amazonaws.com} for those
   * that do not. That S3 host serves every bucket, so only that bucket's path is accepted there.
   */
  static final String MESSAGE_MEDIA_CDN = "mms.twiliocdn.com";

  static final String MESSAGE_MEDIA_S3 = "s3-external-1.amazonaws.com";
  static final String MESSAGE_MEDIA_BUCKET = "/media.twiliocdn.com/";

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
    try {
      URI checked = check(recordingUrl);
      return download(
          URI.create(aim(checked.toString() + ".wav")),
          TwilioMedia::recordingStorage,
          "recording media");
    } catch (MediaRefusedException e) {
      throw ApplicationFailure.newNonRetryableFailure(
          "RecordingUrl refused: it " + e.getMessage(),
          RecordingFailureType.MEDIA_HOST_REFUSED.name());
    }
  }

  /**
   * A medium of an inbound message ({@code MediaUrlN}), as a stream the caller closes.
   *
   * @throws MediaRefusedException when the URL is not this message's media on Twilio's media host,
   *     or Twilio's answer redirects off its media storage; nothing was fetched from there
   */
  public InputStream openMessageMedia(String mediaUrl, String messageSid) {
    URI checked = checkMessageMedia(mediaUrl, messageSid);
    return download(URI.create(aim(checked.toString())), TwilioMedia::messageStorage, "media");
  }

  /** Refuses anything but Twilio's media host and our own account's recordings. */
  URI check(String recordingUrl) {
    return checkPath(recordingUrl, "Recordings/", "RE[0-9a-zA-Z]{32}", "a recording");
  }

  /** Refuses anything but Twilio's media host and this message's media in our own account. */
  URI checkMessageMedia(String mediaUrl, String messageSid) {
    if (messageSid == null || !messageSid.matches("(SM|MM)[0-9a-fA-F]{32}")) {
      throw new MediaRefusedException("is not the media of a message");
    }
    return checkPath(
        mediaUrl,
        "Messages/" + messageSid + "/Media/",
        "ME[0-9a-zA-Z]{32}",
        "this message's media");
  }

  private URI checkPath(String url, String resource, String sidPattern, String what) {
    URI uri;
    try {
      uri = URI.create(url == null ? "" : url).normalize();
    } catch (IllegalArgumentException e) {
      throw new MediaRefusedException("is not a URL");
    }
    if (!"https".equals(uri.getScheme())
        || uri.getRawUserInfo() != null
        || uri.getHost() == null
        || !MEDIA_HOST.equals(uri.getHost().toLowerCase(Locale.ROOT))
        || (uri.getPort() != -1 && uri.getPort() != 443)
        || uri.getRawQuery() != null
        || uri.getRawFragment() != null) {
      throw new MediaRefusedException("is not on Twilio's media host " + MEDIA_HOST);
    }
    String prefix = "/2010-04-01/Accounts/" + twilio.accountSid() + "/" + resource;
    String path = uri.getRawPath();
    if (path == null
        || !path.startsWith(prefix)
        || !path.substring(prefix.length()).matches(sidPattern)) {
      throw new MediaRefusedException("is not " + what + " of this account");
    }
    return uri;
  }

  private InputStream download(URI target, Predicate<URI> storage, String what) {
    try {
      HttpResponse<InputStream> response = get(target, true);
      if (response.statusCode() / 100 == 3) {
        response.body().close();
        response = get(redirect(target, response, storage), false);
      }
      if (response.statusCode() != 200) {
        response.body().close();
        throw failure(what, response.statusCode());
      }
      return response.body();
    } catch (IOException e) {
      throw ApplicationFailure.newFailure(
          what + " download failed: " + e.getClass().getSimpleName(),
          TwilioFailureType.TWILIO_UNAVAILABLE.name());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
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

  private static URI redirect(URI from, HttpResponse<?> response, Predicate<URI> storage) {
    URI next =
        response
            .headers()
            .firstValue("Location")
            .map(from::resolve)
            .map(URI::normalize)
            .orElseThrow(() -> new MediaRefusedException("redirected nowhere"));
    if (!"https".equals(next.getScheme())
        || next.getRawUserInfo() != null
        || next.getHost() == null
        || !storage.test(next)) {
      throw new MediaRefusedException("redirected off Twilio's hosts");
    }
    return next;
  }

  static boolean recordingStorage(URI uri) {
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    return REDIRECT_HOST_SUFFIXES.stream().anyMatch(host::endsWith);
  }

  static boolean messageStorage(URI uri) {
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    String path = uri.normalize().getRawPath();
    return (uri.getPort() == -1 || uri.getPort() == 443)
        && (MESSAGE_MEDIA_CDN.equals(host)
            || MESSAGE_MEDIA_S3.equals(host)
                && path != null
                && path.startsWith(MESSAGE_MEDIA_BUCKET));
  }

  private static ApplicationFailure failure(String what, int status) {
    TwilioFailureType type =
        status == 404
            ? TwilioFailureType.TWILIO_UNAVAILABLE
            : TwilioFailureType.classify(null, status);
    // Fresh media may not be served for a moment: 404 is retried, within the attempt limit.
    return ApplicationFailure.newFailure(
        what + " download answered HTTP " + status, type.name(), status);
  }
}

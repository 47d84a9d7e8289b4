package io.switchboard.simulator.client;

import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.core5.http.io.SocketConfig;

/**
 * Lets unmodified twilio-java talk to the simulator: every request for {@code
 * https://api.twilio.com} or {@code https://video.twilio.com} goes to the simulator's base URL
 * instead, path and parameters unchanged.
 *
 * <pre>{@code
 * TwilioRestClient client = new TwilioRestClient.Builder(accountSid, authToken)
 *     .httpClient(new SimulatorHttpClient("http://localhost:8080/simulator/twilio"))
 *     .build();
 * }</pre>
 */
public class SimulatorHttpClient extends NetworkHttpClient {

  private static final List<String> TWILIO_HOSTS =
      List.of("https://api.twilio.com", "https://video.twilio.com");

  private final String baseUrl;

  /**
   * @param baseUrl where the simulator serves Twilio's paths, such as {@code
   *     http://localhost:8080/simulator/twilio}
   */
  public SimulatorHttpClient(String baseUrl) {
    super();
    this.baseUrl = trim(baseUrl);
  }

  /** As {@link #SimulatorHttpClient(String)}, with twilio-java's timeouts replaced. */
  public SimulatorHttpClient(String baseUrl, RequestConfig config) {
    super(config);
    this.baseUrl = trim(baseUrl);
  }

  /**
   * As {@link #SimulatorHttpClient(String)}, with twilio-java's request and socket settings
   * replaced (a short socket timeout makes a client give up on a slow answer).
   */
  public SimulatorHttpClient(String baseUrl, RequestConfig config, SocketConfig socketConfig) {
    super(config, socketConfig);
    this.baseUrl = trim(baseUrl);
  }

  /**
   * As {@link #SimulatorHttpClient(String)}, on an Apache client built by the caller: the way to
   * set socket timeouts and turn off automatic retries, which twilio-java's per-request config does
   * not reach.
   */
  public SimulatorHttpClient(String baseUrl, HttpClientBuilder builder) {
    super(builder);
    this.baseUrl = trim(baseUrl);
  }

  @Override
  public Response makeRequest(Request request) {
    return super.makeRequest(rewrite(request));
  }

  /**
   * A copy of the request aimed at the simulator. The copy carries no region or edge: twilio-java
   * would splice them into the host name, which for {@code localhost} means nothing.
   */
  Request rewrite(Request request) {
    Request copy = new Request(request.getMethod(), rewrite(request.getUrl()));
    copyParams(request.getQueryParams(), copy::addQueryParam);
    copyParams(request.getPostParams(), copy::addPostParam);
    copyParams(request.getHeaderParams(), copy::addHeaderParam);
    if (request.getAuthStrategy() != null) {
      copy.setAuth(request.getAuthStrategy());
    } else if (request.getUsername() != null) {
      copy.setAuth(request.getUsername(), request.getPassword());
    }
    copy.setContentType(request.getContentType());
    copy.setBody(request.getBody());
    if (request.getFormParameters() != null) {
      copy.setFormParameters(request.getFormParameters());
    }
    copy.setUserAgentExtensions(request.getUserAgentExtensions());
    return copy;
  }

  /**
   * The simulator's URL for a Twilio URL (other URLs unchanged): also for what twilio-java does not
   * fetch, such as a RecordingUrl's media.
   */
  public String rewrite(String url) {
    for (String host : TWILIO_HOSTS) {
      if (url.startsWith(host + "/")) {
        return baseUrl + url.substring(host.length());
      }
    }
    return url;
  }

  private static void copyParams(Map<String, List<String>> from, BiConsumer<String, String> to) {
    from.forEach((name, values) -> values.forEach(value -> to.accept(name, value)));
  }

  private static String trim(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}

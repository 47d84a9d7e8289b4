package io.switchboard.twilio;

import com.twilio.http.HttpClient;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.TwilioRestClient;
import io.switchboard.config.SwitchboardProperties;
import io.switchboard.simulator.client.SimulatorHttpClient;
import java.util.function.Supplier;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.util.Timeout;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The Twilio REST client of the workers: Twilio itself in live mode, the simulator in simulator
 * mode. Inside the platform the simulator serves Twilio's paths under {@code /simulator/twilio} on
 * this server's own port, which is known only once the server listens, after beans are made; so the
 * address is resolved on the first request. {@code switchboard.twilio.simulator-url} names another
 * simulator.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TwilioHttpProperties.class)
public class TwilioClientConfiguration {

  @Bean
  TwilioRestClient twilioRestClient(
      SwitchboardProperties properties, TwilioHttpProperties http, Environment environment) {
    SwitchboardProperties.Twilio twilio = properties.twilio();
    Supplier<HttpClient> transport =
        twilio.effectiveMode() == SwitchboardProperties.TwilioMode.LIVE
            ? () -> new NetworkHttpClient(apacheClient(http))
            : () -> new SimulatorHttpClient(simulatorUrl(twilio, environment), apacheClient(http));
    // Without credentials the client still builds, so that a worker without messaging starts;
    // Twilio then refuses each request with 20003, a failure that no retry fixes.
    return new TwilioRestClient.Builder(orEmpty(twilio.accountSid()), orEmpty(twilio.authToken()))
        .httpClient(new SingleAttemptHttpClient(transport))
        .build();
  }

  /**
   * The Apache client under twilio-java. Timeouts are set on the connections because twilio-java
   * replaces each request's own config with its defaults; automatic retries are off because the
   * Apache client would repeat a 429 or 503 behind Temporal's back.
   */
  static HttpClientBuilder apacheClient(TwilioHttpProperties http) {
    Timeout read = Timeout.of(http.readTimeout());
    return HttpClientBuilder.create()
        .useSystemProperties()
        .disableAutomaticRetries()
        .setConnectionManager(
            PoolingHttpClientConnectionManagerBuilder.create()
                .setDefaultSocketConfig(SocketConfig.custom().setSoTimeout(read).build())
                .setDefaultConnectionConfig(
                    ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(http.connectTimeout()))
                        .setSocketTimeout(read)
                        .build())
                .setMaxConnPerRoute(http.maxConnections())
                .setMaxConnTotal(http.maxConnections())
                .build());
  }

  static String simulatorUrl(SwitchboardProperties.Twilio twilio, Environment env) {
    if (twilio.simulatorUrl() != null) {
      return twilio.simulatorUrl().toString();
    }
    String port = env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
    String contextPath = env.getProperty("server.servlet.context-path", "");
    return "http://127.0.0.1:" + port + contextPath + "/simulator/twilio";
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }
}

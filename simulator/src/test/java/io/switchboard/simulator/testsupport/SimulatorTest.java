package io.switchboard.simulator.testsupport;

import com.twilio.http.TwilioRestClient;
import io.switchboard.simulator.SimulatorApplication;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The simulator on a random port, with lifecycles at full speed, reset before each test; tests
 * reach it with real twilio-java through the rewriting (and validating) client.
 */
@SpringBootTest(
    classes = SimulatorApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "switchboard.twilio.account-sid=" + SimulatorTest.ACCOUNT_SID,
      "switchboard.twilio.auth-token=" + SimulatorTest.AUTH_TOKEN,
      "switchboard.simulator.lifecycle.message-step=0ms",
      "switchboard.simulator.lifecycle.call-ring=0ms",
      "switchboard.simulator.lifecycle.call-answer=0ms",
      "switchboard.simulator.lifecycle.call-duration=50ms",
      "switchboard.simulator.lifecycle.recording-processing=0ms",
      "switchboard.simulator.lifecycle.room-timeout-minute=200ms"
    })
public abstract class SimulatorTest {

  public static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
  public static final String AUTH_TOKEN = "0123456789abcdef0123456789abcdef";
  protected static final String VALID_FROM = "+15005550006";
  protected static final String HANDSET = "+14155550100";

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @LocalServerPort protected int port;
  @Autowired protected CallbackReceiver callbacks;
  protected TwilioRestClient twilio;

  @BeforeEach
  void resetSimulator() throws Exception {
    send("DELETE", "/simulator/api/state", null);
    callbacks.clear();
    twilio =
        new TwilioRestClient.Builder(ACCOUNT_SID, AUTH_TOKEN)
            .httpClient(new ValidatingHttpClient(twilioBaseUrl()))
            .build();
  }

  protected String twilioBaseUrl() {
    return "http://localhost:" + port + "/simulator/twilio";
  }

  /** A URL of the test's callback receiver, named so that tests can tell callbacks apart. */
  protected String callbackUrl(String name) {
    return "http://localhost:" + port + "/test-callbacks/" + name;
  }

  /** A plain request to the simulator (control API, or Twilio paths with basic auth). */
  protected HttpResponse<String> send(String method, String path, String json) throws IOException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString(
                            (ACCOUNT_SID + ":" + AUTH_TOKEN).getBytes(StandardCharsets.UTF_8)));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    request.method(
        method,
        json == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json));
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  protected static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

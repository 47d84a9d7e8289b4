package io.switchboard.simulator.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.twilio.http.HttpMethod;
import com.twilio.http.Request;
import org.junit.jupiter.api.Test;

class SimulatorHttpClientTest {

  private final SimulatorHttpClient client =
      new SimulatorHttpClient("http://localhost:8089/simulator/twilio/");

  @Test
  void rewritesTwilioApiAndVideoHostsToTheSimulator() {
    assertThat(client.rewrite("https://api.twilio.com/2010-04-01/Accounts/AC1/Calls.json"))
        .isEqualTo("http://localhost:8089/simulator/twilio/2010-04-01/Accounts/AC1/Calls.json");
    assertThat(client.rewrite("https://video.twilio.com/v1/Rooms/RM1"))
        .isEqualTo("http://localhost:8089/simulator/twilio/v1/Rooms/RM1");
  }

  @Test
  void leavesOtherHostsAlone() {
    assertThat(client.rewrite("https://example.com/voice")).isEqualTo("https://example.com/voice");
    assertThat(client.rewrite("https://api.twilio.com.evil.example/x"))
        .isEqualTo("https://api.twilio.com.evil.example/x");
  }

  @Test
  void copiesParametersAndCredentialsButNotTheRegion() {
    Request original =
        new Request(
            HttpMethod.POST, "https://api.twilio.com/2010-04-01/Accounts/AC1/Messages.json");
    original.setAuth("AC1", "token");
    original.setRegion("ie1");
    original.addPostParam("To", "+14155550100");
    original.addPostParam("MediaUrl", "https://example.com/a.png");
    original.addPostParam("MediaUrl", "https://example.com/b.png");
    original.addQueryParam("PageSize", "2");

    Request copy = client.rewrite(original);

    assertThat(copy.getUrl()).startsWith("http://localhost:8089/simulator/twilio/2010-04-01/");
    assertThat(copy.getPostParams()).isEqualTo(original.getPostParams());
    assertThat(copy.getQueryParams()).isEqualTo(original.getQueryParams());
    assertThat(copy.getAuthString()).isEqualTo(original.getAuthString());
    assertThat(copy.constructURL().getHost()).isEqualTo("localhost");
  }
}

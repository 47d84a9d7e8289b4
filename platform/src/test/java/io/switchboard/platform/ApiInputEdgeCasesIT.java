package io.switchboard.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Inputs that schemathesis answered with a 500 are the caller's mistakes: each is a 400 problem
 * document that says why, and the platform logs no "unhandled error" for them.
 */
@SimulatorDrivenPlatformTest
class ApiInputEdgeCasesIT {

  private final HttpClient http = HttpClient.newHttpClient();

  @LocalServerPort int port;

  @Test
  void limitBelowOneIsABadRequest() throws Exception {
    HttpResponse<String> response = get("/api/ops/workflows?type=call&limit=0");

    assertBadRequest(response);
    assertThat(response.body()).contains("limit: must be greater than or equal to 1");
  }

  @Test
  void nulCharacterInAFilterIsABadRequest() throws Exception {
    HttpResponse<String> response = get("/api/messages?from=%00H");

    assertBadRequest(response);
    assertThat(response.body()).contains("NUL character");
  }

  @Test
  void parameterWithoutANameIsABadRequest() throws Exception {
    HttpResponse<String> response = get("/api/flows/demo?=&version=2");

    assertBadRequest(response);
    assertThat(response.body()).contains("malformed");
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", "Bearer " + SimulatorDrivenPlatformTest.API_KEY)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static void assertBadRequest(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
  }
}

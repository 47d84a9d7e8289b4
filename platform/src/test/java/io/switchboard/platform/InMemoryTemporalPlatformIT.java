package io.switchboard.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The slice on the SDK's in-memory Temporal server, as the platform runs without the CLI. */
@TestPropertySource(
    properties = {
      "switchboard.embedded.temporal.mode=in-memory",
      "switchboard.embedded.data-dir=target/it-data/in-memory"
    })
class InMemoryTemporalPlatformIT extends PlatformSliceIT {

  static final Path OPENAPI_DOC = Path.of("../docs/openapi.json");

  @Test
  void opsEndpointsAnswerNotImplementedOnTheInMemoryServer() throws Exception {
    HttpResponse<String> list =
        send("GET", "/api/ops/workflows?type=CallSessionWorkflow", API_KEY, null);
    assertThat(list.statusCode()).isEqualTo(501);
    assertThat(list.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(list.body()).contains("in-memory test server").contains("temporal CLI");
    HttpResponse<String> byNumber =
        send("GET", "/api/ops/workflows?number=%2B14155557788", API_KEY, null);
    assertThat(byNumber.statusCode()).isEqualTo(501);
    HttpResponse<String> malformed =
        send("GET", "/api/ops/workflows?number=14155557788", API_KEY, null);
    assertThat(malformed.statusCode())
        .as("a malformed number is refused before Temporal")
        .isEqualTo(400);
    assertThat(malformed.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    HttpResponse<String> fingerprint =
        send("GET", "/api/ops/fingerprint?number=%2B14155557788", API_KEY, null);
    assertThat(fingerprint.statusCode()).as("fingerprints need no visibility").isEqualTo(200);
    assertThat(fingerprint.body()).doesNotContain("5557788").contains("ParticipantNumber = '");
    HttpResponse<String> withoutOps =
        send("GET", "/api/ops/fingerprint?number=%2B14155557788", "sb_wrong", null);
    assertThat(withoutOps.statusCode()).isEqualTo(401);

    HttpResponse<String> dryRun =
        send(
            "POST",
            "/api/ops/workflows/call:CA0/reset",
            API_KEY,
            "{\"target\":\"LAST_WORKFLOW_TASK\",\"reason\":\"test\",\"dryRun\":true}");
    assertThat(dryRun.statusCode()).isEqualTo(501);

    HttpResponse<String> bulk =
        send(
            "POST",
            "/api/ops/workflows/retry",
            API_KEY,
            "{\"type\":\"MessageDeliveryWorkflow\",\"target\":\"FIRST_WORKFLOW_TASK\","
                + "\"reason\":\"test\",\"dryRun\":true}");
    assertThat(bulk.statusCode()).isEqualTo(501);
    assertThat(bulk.headers().firstValue("Content-Type")).hasValue("application/problem+json");
  }

  /**
   * The in-memory server has no Schedules: the balance check is off and the platform still runs.
   */
  @Test
  void platformStartsWithoutTheBalanceScheduleOnTheInMemoryServer() throws Exception {
    HttpResponse<String> health = send("GET", "/actuator/health", API_KEY, null);

    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"status\":\"UP\"");
  }

  /**
   * Keeps {@code docs/openapi.json} true: it must equal what the running service serves. After an
   * API change, regenerate it with {@code -Dswitchboard.writeOpenApi=true} and review the diff.
   */
  @Test
  void publishedOpenApiDocumentMatchesTheRunningService() throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v3/api-docs"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    JsonMapper json = JsonMapper.builder().build();
    ObjectNode served = (ObjectNode) json.readTree(response.body());
    served.remove("servers");
    String pretty = json.writerWithDefaultPrettyPrinter().writeValueAsString(served) + "\n";
    if (Boolean.getBoolean("switchboard.writeOpenApi")) {
      Files.writeString(OPENAPI_DOC, pretty);
    }
    JsonNode published = json.readTree(Files.readString(OPENAPI_DOC));
    assertThat(served)
        .as("docs/openapi.json is stale; regenerate with -Dswitchboard.writeOpenApi=true")
        .isEqualTo(published);
  }
}

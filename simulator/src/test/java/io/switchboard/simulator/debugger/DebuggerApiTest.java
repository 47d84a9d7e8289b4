package io.switchboard.simulator.debugger;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.simulator.SimulatorApplication;
import io.switchboard.simulator.twiml.FakeTwilioApp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The debugger's live-call API without a browser: speech input, hang-up, incremental polling. */
@SpringBootTest(
    classes = SimulatorApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "switchboard.twilio.account-sid=" + DebuggerPageBrowserTest.ACCOUNT_SID,
      "switchboard.twilio.auth-token=" + DebuggerPageBrowserTest.AUTH_TOKEN
    })
class DebuggerApiTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  FakeTwilioApp app;

  @BeforeEach
  void startApp() throws Exception {
    app = new FakeTwilioApp(DebuggerPageBrowserTest.AUTH_TOKEN);
  }

  @AfterEach
  void stopApp() {
    app.close();
  }

  private JsonNode call(String method, String path, String json) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Content-Type", "application/json");
    request.method(
        method,
        json == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json));
    String body = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
    return body.isEmpty() ? null : JSON.readTree(body);
  }

  private JsonNode pollUntil(String id, String field) throws Exception {
    for (int i = 0; i < 100; i++) {
      JsonNode view = call("GET", "/simulator/api/debugger/calls/" + id, null);
      if (!view.path(field).isNull() && !view.path(field).isMissingNode()) {
        return view;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the call never showed " + field);
  }

  private String dial(String path) throws Exception {
    String body =
        "{\"from\":\"+14155550100\",\"to\":\"+15551230000\",\"url\":\"" + app.url(path) + "\"}";
    return call("POST", "/simulator/api/debugger/calls", body).get("id").asText();
  }

  @Test
  void speechTypedInTheDebuggerReachesTheAppAsSpeechResult() throws Exception {
    app.twiml(
            "/ask", "<Gather input=\"speech\" action=\"/heard\"><Say>Say something</Say></Gather>")
        .twiml("/heard", "<Say>Got it</Say>");
    String id = dial("/ask");

    JsonNode waiting = pollUntil(id, "waitingFor");
    assertThat(waiting.get("waitingFor").get("speech").asBoolean()).isTrue();
    call(
        "POST", "/simulator/api/debugger/calls/" + id + "/input", "{\"input\":\"speech:billing\"}");

    JsonNode ended = pollUntil(id, "transcript");
    assertThat(ended.get("transcript").get("endStatus").asText()).isEqualTo("completed");
    assertThat(app.last("/heard").params()).containsEntry("SpeechResult", "billing");
    JsonNode later =
        call(
            "GET",
            "/simulator/api/debugger/calls/" + id + "?since=" + ended.get("next").asInt(),
            null);
    assertThat(later.get("entries")).isEmpty();
  }

  @Test
  void hangingUpWhileAGatherWaitsEndsTheCallWithoutAction() throws Exception {
    app.twiml("/menu", "<Gather action=\"/choice\"><Say>Menu</Say></Gather>");
    String id = dial("/menu");

    pollUntil(id, "waitingFor");
    call("POST", "/simulator/api/debugger/calls/" + id + "/hangup", null);

    JsonNode ended = pollUntil(id, "transcript");
    assertThat(ended.get("transcript").get("endStatus").asText()).isEqualTo("completed");
    assertThat(app.received()).extracting(FakeTwilioApp.Received::path).containsExactly("/menu");
  }

  @Test
  void unknownDebuggerCallIs404() throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/simulator/api/debugger/calls/nope"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(404);
  }
}

package io.switchboard.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.config.SwitchboardProperties;
import io.switchboard.simulator.webhook.TwilioSignatures;
import io.switchboard.voice.CallSessionWorkflow;
import io.switchboard.voice.CallWorkflowIds;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowStub;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The thin slice through every layer, over real HTTP: a Twilio-signed voice webhook starts the
 * call's workflow, which answers TwiML and records the call in PostgreSQL, served by the REST API.
 * Subclasses choose the Temporal server.
 */
@SpringBootTest(
    classes = PlatformApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "switchboard.embedded.enabled=true",
      "switchboard.embedded.persistent=false",
      "switchboard.embedded.temporal.port=0",
      "switchboard.embedded.temporal.ui-port=0",
      "switchboard.public-url=" + PlatformSliceIT.PUBLIC_URL,
      "switchboard.api-key=" + PlatformSliceIT.API_KEY,
      "switchboard.ops.temporal-ui-origin=" + PlatformSliceIT.UI_ORIGIN
    })
@ActiveProfiles({"api", "worker", "simulator"})
abstract class PlatformSliceIT {

  static final String PUBLIC_URL = "https://switchboard.example.com";
  static final String API_KEY = "sb_it_admin_key";
  static final String UI_ORIGIN = "http://temporal-ui.example.test:8233";
  static final String CALLER = "+15551230001";

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @LocalServerPort int port;
  @Autowired SwitchboardProperties properties;
  @Autowired WorkflowClient workflows;

  @Test
  void signedVoiceWebhookIsAnsweredWithTheWorkflowsTwimlAndTheCallIsRecorded() throws Exception {
    String callSid = newCallSid();

    HttpResponse<String> answer = postVoice(callSid, this::sign);

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/xml"));
    assertThat(answer.body())
        .startsWith("<?xml")
        .contains("<Response><Say>Welcome to Switchboard.")
        .contains("<Hangup/></Response>");
    String call = awaitRecordedCall(callSid);
    assertThat(call)
        .contains("\"callSid\":\"" + callSid + "\"")
        .contains("\"status\":\"in-progress\"")
        .contains("\"from\":\"+15551230001\"")
        .contains("\"direction\":\"inbound\"");
  }

  @Test
  void forgedVoiceWebhookIsRefusedAndStartsNothing() throws Exception {
    String callSid = newCallSid();

    HttpResponse<String> answer =
        postVoice(callSid, params -> TwilioSignatures.sign("not-our-token", voiceUrl(), params));

    assertThat(answer.statusCode()).isEqualTo(403);
    assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    WorkflowStub stub =
        workflows.newUntypedWorkflowStub(
            CallWorkflowIds.call(callSid), java.util.Optional.empty(), java.util.Optional.empty());
    assertThatThrownBy(stub::describe).isInstanceOf(WorkflowNotFoundException.class);
    assertThat(getCall(callSid).statusCode()).isEqualTo(404);
  }

  @Test
  void restApiRefusesRequestsWithoutAnApiKey() throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(local("/api/calls/CA0"))).GET().build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
    assertThat(response.body()).contains("\"status\":401");
  }

  @Test
  void sessionStateIsQueryableWhileTheCallIsLive() throws Exception {
    String callSid = newCallSid();
    postVoice(callSid, this::sign);

    CallSessionWorkflow session =
        workflows.newWorkflowStub(CallSessionWorkflow.class, CallWorkflowIds.call(callSid));

    assertThat(session.getState().turns()).isEqualTo(1);
    assertThat(session.getState().status()).isEqualTo("in-progress");
  }

  @Test
  void adminMakesScopedKeysThatAreEnforcedAndRevocable() throws Exception {
    HttpResponse<String> created =
        send("POST", "/api/keys", API_KEY, "{\"name\":\"reporting\",\"scopes\":[\"calls:read\"]}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String id = jsonField(created.body(), "id");
    String secret = jsonField(created.body(), "secret");

    assertThat(send("GET", "/api/calls/CA0", secret, null).statusCode()).isEqualTo(404);
    HttpResponse<String> adminOnly = send("GET", "/api/keys", secret, null);
    assertThat(adminOnly.statusCode()).isEqualTo(403);
    assertThat(adminOnly.body()).contains("insufficient-scope");

    assertThat(send("DELETE", "/api/keys/" + id, API_KEY, null).statusCode()).isEqualTo(204);
    assertThat(send("GET", "/api/calls/CA0", secret, null).statusCode()).isEqualTo(401);
  }

  @Test
  void unknownScopeAndInvalidBodiesAreProblemDocuments() throws Exception {
    HttpResponse<String> unknownScope =
        send("POST", "/api/keys", API_KEY, "{\"name\":\"x\",\"scopes\":[\"root\"]}");
    assertThat(unknownScope.statusCode()).isEqualTo(400);
    assertThat(unknownScope.headers().firstValue("Content-Type"))
        .hasValue("application/problem+json");

    HttpResponse<String> missingName =
        send("POST", "/api/keys", API_KEY, "{\"scopes\":[\"calls:read\"]}");
    assertThat(missingName.statusCode()).isEqualTo(400);
    assertThat(missingName.body()).contains("\"status\":400").doesNotContain("Exception");

    HttpResponse<String> notJson = send("POST", "/api/keys", API_KEY, "{not json");
    assertThat(notJson.statusCode()).isEqualTo(400);
    assertThat(notJson.body()).doesNotContain("at io.").doesNotContain("Exception");
  }

  @Test
  void healthReportsDatabaseAndTemporal() throws Exception {
    HttpResponse<String> health = send("GET", "/actuator/health", API_KEY, null);

    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"db\"").contains("\"temporal\"");
  }

  @Test
  void codecEndpointEncryptsAndDecodesForTheTemporalUi() throws Exception {
    String plain =
        "{\"payloads\":[{\"metadata\":{\"encoding\":\"anNvbi9wbGFpbg==\"},"
            + "\"data\":\"IisxNTU1MTIzMDAwMSI=\"}]}";

    HttpResponse<String> encoded = codec("/codec/encode", plain, API_KEY, UI_ORIGIN);
    assertThat(encoded.statusCode()).as(encoded.body()).isEqualTo(200);
    assertThat(encoded.headers().firstValue("Access-Control-Allow-Origin")).hasValue(UI_ORIGIN);
    assertThat(encoded.body()).contains("YmluYXJ5L2VuY3J5cHRlZA").doesNotContain("IisxNTU1");

    HttpResponse<String> decoded = codec("/codec/decode", encoded.body(), API_KEY, UI_ORIGIN);
    assertThat(decoded.statusCode()).isEqualTo(200);
    assertThat(decoded.body()).contains("IisxNTU1MTIzMDAwMSI=");
  }

  @Test
  void codecEndpointRefusesUnauthenticatedCallsAndForeignOrigins() throws Exception {
    String empty = "{\"payloads\":[]}";
    assertThat(codec("/codec/decode", empty, null, UI_ORIGIN).statusCode()).isEqualTo(401);
    assertThat(codec("/codec/decode", empty, null, null).statusCode()).isEqualTo(401);
    assertThat(codec("/codec/decode", empty, API_KEY, "https://evil.example").statusCode())
        .isEqualTo(403);
    HttpResponse<String> wrongNamespace =
        http.send(
            codecRequest("/codec/decode", empty, API_KEY, UI_ORIGIN)
                .header("X-Namespace", "someone-else")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(wrongNamespace.statusCode()).isEqualTo(400);

    HttpResponse<String> preflight = preflight(UI_ORIGIN);
    assertThat(preflight.statusCode()).isEqualTo(200);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue(UI_ORIGIN);
    assertThat(preflight("https://evil.example").statusCode()).isEqualTo(403);
  }

  HttpResponse<String> codec(String path, String body, String key, String origin) throws Exception {
    return http.send(
        codecRequest(path, body, key, origin).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder codecRequest(String path, String body, String key, String origin) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(local(path)))
            .header("Content-Type", "application/json")
            .header("X-Namespace", "default")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (key != null) {
      request.header("Authorization", "Bearer " + key);
    }
    if (origin != null) {
      request.header("Origin", origin);
    }
    return request;
  }

  private HttpResponse<String> preflight(String origin) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(local("/codec/decode")))
            .header("Origin", origin)
            .header("Access-Control-Request-Method", "POST")
            .header("Access-Control-Request-Headers", "authorization,content-type,x-namespace")
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> send(String method, String path, String key, String json) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(local(path))).header("Authorization", "Bearer " + key);
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    request.method(
        method,
        json == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static String jsonField(String json, String field) {
    java.util.regex.Matcher matcher =
        java.util.regex.Pattern.compile("\"" + field + "\":\"([^\"]+)\"").matcher(json);
    assertThat(matcher.find()).as(field + " in " + json).isTrue();
    return matcher.group(1);
  }

  interface Signer {
    String sign(Map<String, String> params);
  }

  String sign(Map<String, String> params) {
    return TwilioSignatures.sign(properties.twilio().authToken(), voiceUrl(), params);
  }

  HttpResponse<String> postVoice(String callSid, Signer signer) throws Exception {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("CallSid", callSid);
    params.put("AccountSid", properties.twilio().accountSid());
    params.put("From", CALLER);
    params.put("To", "+15559870002");
    params.put("CallStatus", "ringing");
    params.put("Direction", "inbound");
    params.put("ApiVersion", "2010-04-01");
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(local("/webhooks/voice")))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("X-Twilio-Signature", signer.sign(params))
            .POST(HttpRequest.BodyPublishers.ofString(form(params)))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private String awaitRecordedCall(String callSid) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    HttpResponse<String> response = getCall(callSid);
    while (response.statusCode() == 404 && System.nanoTime() < deadline) {
      Thread.sleep(100);
      response = getCall(callSid);
    }
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }

  private HttpResponse<String> getCall(String callSid) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(local("/api/calls/" + callSid)))
            .header("Authorization", "Bearer " + API_KEY)
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String voiceUrl() {
    return PUBLIC_URL + "/webhooks/voice";
  }

  private String local(String path) {
    return "http://localhost:" + port + path;
  }

  static String newCallSid() {
    return "CA" + UUID.randomUUID().toString().replace("-", "");
  }

  private static String form(Map<String, String> params) {
    return params.entrySet().stream()
        .map(
            entry ->
                URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}

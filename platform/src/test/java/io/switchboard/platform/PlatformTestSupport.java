package io.switchboard.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.config.SwitchboardProperties;
import io.switchboard.simulator.webhook.TwilioSignatures;
import io.temporal.client.WorkflowClient;
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
      "switchboard.public-url=" + PlatformTestSupport.PUBLIC_URL,
      "switchboard.api-key=" + PlatformTestSupport.API_KEY,
      "switchboard.ops.temporal-ui-origin=" + PlatformTestSupport.UI_ORIGIN,
      // Under a loaded CI machine the first call of a cold JVM can exceed the production 2 s
      // voice budget; these tests assert the workflow's TwiML, the fault drill the budget.
      "switchboard.inbox.voice-budget=10s"
    })
@ActiveProfiles({"api", "worker", "simulator"})
abstract class PlatformTestSupport {

  static final String PUBLIC_URL = "https://switchboard.example.com";
  static final String API_KEY = "sb_it_admin_key";
  static final String UI_ORIGIN = "http://temporal-ui.example.test:8233";
  static final String CALLER = "+15551230001";

  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @LocalServerPort int port;
  @Autowired SwitchboardProperties properties;
  @Autowired WorkflowClient workflows;

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

  void awaitCallStatus(String callSid, String status) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    String body = "";
    while (System.nanoTime() < deadline) {
      HttpResponse<String> call = getCall(callSid);
      body = call.body();
      if (call.statusCode() == 200 && body.contains("\"status\":\"" + status + "\"")) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("call " + callSid + " never reached " + status + ": " + body);
  }

  void awaitEventState(String sid, String state) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    String body = "";
    while (System.nanoTime() < deadline) {
      body = send("GET", "/api/webhook-events?sid=" + sid, API_KEY, null).body();
      if (body.contains("\"state\":\"" + state + "\"") && !body.contains("\"PENDING\"")) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("events of " + sid + " never reached " + state + ": " + body);
  }

  static String uniqueNumber() {
    return "+1555" + String.format("%07d", (long) (Math.random() * 10_000_000));
  }

  interface Signer {
    String sign(Map<String, String> params);
  }

  String sign(Map<String, String> params) {
    return TwilioSignatures.sign(properties.twilio().authToken(), voiceUrl(), params);
  }

  HttpResponse<String> postVoice(String callSid, Signer signer) throws Exception {
    return http.send(
        webhook("/webhooks/voice", voiceParams(callSid, CALLER), signer, null),
        HttpResponse.BodyHandlers.ofString());
  }

  Map<String, String> voiceParams(String callSid, String from) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("CallSid", callSid);
    params.put("AccountSid", properties.twilio().accountSid());
    params.put("From", from);
    params.put("To", "+15559870002");
    params.put("CallStatus", "ringing");
    params.put("Direction", "inbound");
    params.put("ApiVersion", "2010-04-01");
    return params;
  }

  Map<String, String> statusParams(String callSid, String status, int sequence) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("CallSid", callSid);
    params.put("AccountSid", properties.twilio().accountSid());
    params.put("CallStatus", status);
    params.put("SequenceNumber", String.valueOf(sequence));
    params.put("CallDuration", "7");
    return params;
  }

  /** A webhook signed like Twilio signs it, for the public URL of the path. */
  HttpRequest webhook(String path, Map<String, String> params, Signer signer, String token) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(local(path)))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("X-Twilio-Signature", signer.sign(params))
            .POST(HttpRequest.BodyPublishers.ofString(form(params)));
    if (token != null) {
      request.header("I-Twilio-Idempotency-Token", token);
    }
    return request.build();
  }

  HttpResponse<String> post(String path, Map<String, String> params, String token)
      throws Exception {
    Signer signer =
        p -> TwilioSignatures.sign(properties.twilio().authToken(), PUBLIC_URL + path, p);
    return http.send(webhook(path, params, signer, token), HttpResponse.BodyHandlers.ofString());
  }

  String awaitRecordedCall(String callSid) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    HttpResponse<String> response = getCall(callSid);
    while (response.statusCode() == 404 && System.nanoTime() < deadline) {
      Thread.sleep(100);
      response = getCall(callSid);
    }
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }

  HttpResponse<String> getCall(String callSid) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(local("/api/calls/" + callSid)))
            .header("Authorization", "Bearer " + API_KEY)
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static String voiceUrl() {
    return PUBLIC_URL + "/webhooks/voice";
  }

  String local(String path) {
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

  HttpResponse<String> codec(String path, String body, String key, String origin) throws Exception {
    return http.send(
        codecRequest(path, body, key, origin).build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpRequest.Builder codecRequest(String path, String body, String key, String origin) {
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

  HttpResponse<String> preflight(String origin) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(local("/codec/decode")))
            .header("Origin", origin)
            .header("Access-Control-Request-Method", "POST")
            .header("Access-Control-Request-Headers", "authorization,content-type,x-namespace")
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}

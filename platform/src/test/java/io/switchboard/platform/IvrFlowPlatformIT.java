package io.switchboard.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.config.SwitchboardProperties;
import io.switchboard.simulator.webhook.TwilioSignatures;
import io.switchboard.voice.CallSessionWorkflow;
import io.switchboard.voice.CallState;
import io.switchboard.voice.CallWorkflowIds;
import io.temporal.client.WorkflowClient;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * IVR flows end to end: flows published through the REST API, calls placed by the simulator, which
 * runs our TwiML as Twilio would, and the call sessions' state. Without a public URL, so that the
 * simulator's signatures (over the local URL it calls) are the ones checked. The configuration is
 * exactly {@link MessagingPlatformIT}'s, so that Spring reuses its context rather than start
 * another platform.
 */
@SimulatorDrivenPlatformTest
class IvrFlowPlatformIT {

  static final String KEY = MessagingPlatformIT.API_KEY;

  /** Three menu levels, a no-input path to voicemail, open around the clock. */
  static final String MENU =
      """
      {'start':'welcome','nodes':[
       {'id':'welcome','type':'say','say':'%s','next':'main'},
       {'id':'main','type':'menu','say':'Press 1 for sales.','numDigits':1,'retries':1,
        'routes':{'1':'sales'},'noInput':'voicemail'},
       {'id':'sales','type':'menu','say':'Press 2 for orders.','numDigits':1,
        'routes':{'2':'orders'}},
       {'id':'orders','type':'menu','say':'Press 3 for our address.','numDigits':1,
        'routes':{'3':'address'}},
       {'id':'address','type':'hangup','say':'We are at 1 Main Street.'},
       {'id':'voicemail','type':'voicemail','say':'Leave a message.','next':'bye'},
       {'id':'bye','type':'hangup','say':'Goodbye.'}]}
      """;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @LocalServerPort int port;
  @Autowired SwitchboardProperties properties;
  @Autowired WorkflowClient workflows;

  @Test
  void callerWalksAThreeLevelMenuWithDigits() throws Exception {
    String number = publishAndMap("menu", MENU.formatted("Welcome."));

    String transcript = call(number, List.of("1", "2", "3"));

    assertThat(transcript)
        .contains("Press 1 for sales.", "Press 2 for orders.", "Press 3 for our address.")
        .contains("We are at 1 Main Street.")
        .contains("\"endStatus\":\"completed\"");
    CallState state = state(jsonField(transcript, "callSid"));
    assertThat(state.variables())
        .containsEntry("main", "1")
        .containsEntry("sales", "2")
        .containsEntry("orders", "3");
  }

  @Test
  void noInputTwiceLeadsToVoicemailWhoseRecordingTheSessionKeeps() throws Exception {
    String number = publishAndMap("quiet", MENU.formatted("Welcome."));

    String transcript = call(number, List.of("", ""));

    assertThat(transcript).contains("Leave a message.").contains("Goodbye.");
    CallState state = state(jsonField(transcript, "callSid"));
    assertThat(state.variables().get("recordingSid")).startsWith("RE");
    assertThat(state.variables()).containsKey("recordingUrl");
  }

  @Test
  void publishingANewVersionMidCallLeavesThatCallOnItsVersion() throws Exception {
    String name = "pinned-" + suffix();
    String number = uniqueNumber();
    publish(name, MENU.formatted("Version one."));
    map(number, name);
    String callSid = "CA" + suffix();
    assertThat(webhook("/webhooks/voice", callSid, number, Map.of()).body())
        .contains("Version one.");

    HttpResponse<String> second = publish(name, MENU.formatted("Version two."));
    assertThat(second.statusCode()).as(second.body()).isEqualTo(201);
    assertThat(second.body()).contains("\"version\":2");
    String next = webhook("/webhooks/voice/main", callSid, number, Map.of("Digits", "1")).body();
    String newCall = webhook("/webhooks/voice", "CA" + suffix(), number, Map.of()).body();

    assertThat(next).contains("Press 2 for orders.");
    assertThat(state(callSid).flowVersion()).isEqualTo(1);
    assertThat(newCall).contains("Version two.");
  }

  @Test
  void duplicateFirstWebhooksCauseOneSession() throws Exception {
    String number = publishAndMap("dup", MENU.formatted("Welcome."));
    String callSid = "CA" + suffix();

    // Different idempotency tokens, as when Twilio retries: the inbox cannot tell them apart from
    // two calls, so the session must.
    CompletableFuture<HttpResponse<String>> first =
        CompletableFuture.supplyAsync(() -> unchecked(callSid, number, "a"));
    CompletableFuture<HttpResponse<String>> second =
        CompletableFuture.supplyAsync(() -> unchecked(callSid, number, "b"));

    assertThat(first.get().body()).isEqualTo(second.get().body()).contains("Welcome.");
    // Both turns reached one session: a second session would have counted one turn.
    assertThat(state(callSid).turns()).isEqualTo(2);
  }

  @Test
  void callersAreRoutedByTheCountryTheyCallFrom() throws Exception {
    String number =
        publishAndMap(
            "geo",
            """
            {'start':'where','nodes':[
             {'id':'where','type':'branch','attribute':'FromCountry',
              'cases':{'DE':'german'},'next':'english'},
             {'id':'german','type':'hangup','say':'Willkommen.'},
             {'id':'english','type':'hangup','say':'Welcome.'}]}
            """);

    String german =
        webhook("/webhooks/voice", "CA" + suffix(), number, Map.of("FromCountry", "DE")).body();
    String other =
        webhook("/webhooks/voice", "CA" + suffix(), number, Map.of("FromCountry", "US")).body();

    assertThat(german).contains("Willkommen.").contains("<Hangup/>");
    assertThat(other).contains("Welcome.");
  }

  @Test
  void dryRunReturnsTheTurnsWithoutACall() throws Exception {
    String name = "dry-" + suffix();
    publish(name, MENU.formatted("Welcome."));

    HttpResponse<String> run =
        send("POST", "/api/flows/" + name + "/simulate", KEY, "{\"inputs\":[\"1\",\"2\",\"3\"]}");

    assertThat(run.statusCode()).as(run.body()).isEqualTo(200);
    assertThat(run.body())
        .contains("\"request\":\"/webhooks/voice/orders\"")
        .contains("We are at 1 Main Street.")
        .contains("\"ended\":true");
  }

  @Test
  void invalidFlowsAreRefusedWithEveryProblemAndVersionsAreListed() throws Exception {
    String name = "bad-" + suffix();
    HttpResponse<String> bad =
        publish(
            name,
            "{'start':'a','nodes':[{'id':'a','type':'menu','routes':{'1':'b'}},"
                + "{'id':'lost','type':'hangup'}]}");

    assertThat(bad.statusCode()).isEqualTo(422);
    assertThat(bad.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(bad.body())
        .contains("node 'a' needs a prompt")
        .contains("node 'a' goes to unknown node 'b'")
        .contains("node 'lost' is unreachable");
    assertThat(send("GET", "/api/flows/" + name, KEY, null).statusCode()).isEqualTo(404);
    HttpResponse<String> unknownType =
        publish(name, "{'start':'a','nodes':[{'id':'a','type':'teleport'}]}");
    assertThat(unknownType.statusCode()).isEqualTo(400);
    assertThat(unknownType.body()).contains("\"status\":400").doesNotContain("at tools.");

    String good = "good-" + suffix();
    assertThat(publish(good, MENU.formatted("Hi.")).statusCode()).isEqualTo(201);
    assertThat(publish(good, MENU.formatted("Hi.")).statusCode()).isEqualTo(200);
    assertThat(send("GET", "/api/flows/" + good, KEY, null).body())
        .contains("\"latestVersion\":1")
        .contains("\"start\":\"welcome\"");
    assertThat(send("GET", "/api/flows", KEY, null).body())
        .contains("\"name\":\"" + good + "\"")
        .contains("\"name\":\"demo\"");
  }

  @Test
  void flowScopesAreEnforced() throws Exception {
    HttpResponse<String> created =
        send("POST", "/api/keys", KEY, "{\"name\":\"reader\",\"scopes\":[\"flows:read\"]}");
    String reader = jsonField(created.body(), "secret");

    assertThat(send("GET", "/api/flows", reader, null).statusCode()).isEqualTo(200);
    assertThat(send("PUT", "/api/flows/x", reader, "{}").statusCode()).isEqualTo(403);
    assertThat(send("PUT", "/api/numbers/+15550000000/flow", reader, "{}").statusCode())
        .isEqualTo(403);
  }

  private String publishAndMap(String prefix, String flow) throws Exception {
    String name = prefix + "-" + suffix();
    HttpResponse<String> published = publish(name, flow);
    assertThat(published.statusCode()).as(published.body()).isEqualTo(201);
    String number = uniqueNumber();
    map(number, name);
    return number;
  }

  private HttpResponse<String> publish(String name, String flow) throws Exception {
    return send("PUT", "/api/flows/" + name, KEY, flow.replace('\'', '"'));
  }

  private void map(String number, String name) throws Exception {
    HttpResponse<String> mapped =
        send("PUT", "/api/numbers/" + number + "/flow", KEY, "{\"flow\":\"" + name + "\"}");
    assertThat(mapped.statusCode()).as(mapped.body()).isEqualTo(200);
  }

  /** Places a call through the simulator and returns its transcript as JSON. */
  private String call(String to, List<String> inputs) throws Exception {
    String body =
        "{\"from\":\"+15551230001\",\"to\":\""
            + to
            + "\",\"inputs\":["
            + inputs.stream().map(input -> "\"" + input + "\"").collect(Collectors.joining(","))
            + "],\"timeoutSeconds\":30}";
    HttpResponse<String> call =
        http.send(
            HttpRequest.newBuilder(URI.create(local("/simulator/api/calls/inbound")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(call.statusCode()).as(call.body()).isEqualTo(200);
    return call.body();
  }

  private HttpResponse<String> webhook(
      String path, String callSid, String to, Map<String, String> extra) throws Exception {
    return webhook(path, callSid, to, extra, null);
  }

  private HttpResponse<String> webhook(
      String path, String callSid, String to, Map<String, String> extra, String token)
      throws Exception {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("CallSid", callSid);
    params.put("AccountSid", properties.twilio().accountSid());
    params.put("From", "+15551230001");
    params.put("To", to);
    params.put("CallStatus", "in-progress");
    params.put("Direction", "inbound");
    params.putAll(extra);
    String form =
        params.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(local(path)))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header(
                "X-Twilio-Signature",
                TwilioSignatures.sign(properties.twilio().authToken(), local(path), params))
            .POST(HttpRequest.BodyPublishers.ofString(form));
    if (token != null) {
      request.header("I-Twilio-Idempotency-Token", token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> unchecked(String callSid, String to, String token) {
    try {
      return webhook("/webhooks/voice", callSid, to, Map.of(), token + callSid);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private HttpResponse<String> send(String method, String path, String key, String json)
      throws Exception {
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

  private CallState state(String callSid) {
    return workflows
        .newWorkflowStub(CallSessionWorkflow.class, CallWorkflowIds.call(callSid))
        .getState();
  }

  private String local(String path) {
    return "http://localhost:" + port + path;
  }

  private static String jsonField(String json, String field) {
    java.util.regex.Matcher matcher =
        java.util.regex.Pattern.compile("\"" + field + "\":\"([^\"]+)\"").matcher(json);
    assertThat(matcher.find()).as(field + " in " + json).isTrue();
    return matcher.group(1);
  }

  private static String uniqueNumber() {
    return "+1555" + String.format("%07d", (long) (Math.random() * 10_000_000));
  }

  private static String suffix() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }
}

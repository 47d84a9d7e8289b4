package io.switchboard.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.config.SwitchboardProperties;
import io.switchboard.voice.outbound.OutboundCallState;
import io.switchboard.voice.outbound.OutboundCallWorkflowIds;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Outbound calls end to end over real HTTP: the REST API starts the workflow, the worker takes a
 * turn at the rate gate and creates the call through twilio-java at the simulator, the simulator
 * rings, answers (or plays an answering machine) and calls our signed voice webhook, and its signed
 * status callbacks come back through the webhook ingress as signals.
 */
@SimulatorDrivenPlatformTest
class OutboundCallPlatformIT {

  static final String API_KEY = SimulatorDrivenPlatformTest.API_KEY;
  static final String FROM = "+15005550006";
  static final String GREETING =
      "<Response><Say>Your appointment is tomorrow at nine.</Say></Response>";

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final JsonMapper json = JsonMapper.builder().build();

  @LocalServerPort int port;
  @Autowired WorkflowClient workflows;
  @Autowired SwitchboardProperties properties;

  @Test
  void initiatedCallRingsIsAnsweredAndCompletesWithEveryStatusRecorded() throws Exception {
    String to = number();
    String key = key();

    HttpResponse<String> accepted = initiate(key, twimlCall(to, Map.of("ref", "appt-42")));

    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    assertThat(accepted.headers().firstValue("Location")).hasValue("/api/calls/" + key);
    JsonNode call = awaitEnded(key);
    JsonNode outbound = call.get("outbound");
    assertThat(outbound.get("status").asString()).isEqualTo("completed");
    assertThat(outbound.get("attempt").asInt()).isEqualTo(1);
    assertThat(outbound.get("metadata").asString()).contains("appt-42");
    assertThat(statuses(outbound)).contains("accepted", "ringing", "in-progress", "completed");
    String callSid = outbound.get("callSid").asString();
    assertThat(call.get("callSid").asString()).isEqualTo(callSid);
    assertThat(call.get("direction").asString()).isEqualTo("outbound-api");
    // The attempt is a call like any other, and the person heard the request's TwiML.
    JsonNode byCallSid = get("/api/calls/" + callSid);
    assertThat(byCallSid.get("status").asString()).isEqualTo("completed");
    assertThat(voiceAnswers(callSid)).contains("Your appointment is tomorrow at nine.");
    JsonNode listed = get("/api/calls?direction=outbound-api&limit=200");
    assertThat(listed.valueStream().map(c -> c.get("callSid").asString())).contains(callSid);
  }

  @Test
  void magicNumbersFailAtOnceWithTheirCodesAndOneAttempt() throws Exception {
    Map<String, Integer> refusals =
        Map.of("+15005550002", 21214, "+15005550003", 21215, "+15005550004", 21216);
    for (Map.Entry<String, Integer> refusal : refusals.entrySet()) {
      String key = key();
      initiate(key, twimlCall(refusal.getKey(), Map.of()));

      JsonNode outbound = awaitEnded(key).get("outbound");
      assertThat(outbound.get("status").asString()).isEqualTo("failed");
      assertThat(outbound.get("errorCode").asInt()).isEqualTo(refusal.getValue());
      assertThat(placeAttempts(key)).containsExactly(1);
    }
  }

  @Test
  void answeringMachineGetsTheVoicemailAfterTheBeep() throws Exception {
    String to = number();
    fault(
        "{\"type\":\"CALL_OUTCOME\",\"number\":\""
            + to
            + "\",\"answeredBy\":\"machine_end_beep\",\"remaining\":1}");
    String key = key();
    Map<String, Object> request = new LinkedHashMap<>(twimlCall(to, Map.of()));
    request.put(
        "machineDetection",
        Map.of("onMachine", "voicemail", "voicemailMessage", "Please call the clinic back."));

    initiate(key, request);

    JsonNode outbound = awaitEnded(key).get("outbound");
    assertThat(outbound.get("status").asString()).isEqualTo("completed");
    assertThat(outbound.get("answeredBy").asString()).isEqualTo("machine_end_beep");
    String answers = voiceAnswers(outbound.get("callSid").asString());
    assertThat(answers).contains("Please call the clinic back.").contains("<Hangup");
    assertThat(answers).doesNotContain("Your appointment");
  }

  @Test
  void noAnswerIsPlacedAgainPerThePolicy() throws Exception {
    String to = number();
    fault(
        "{\"type\":\"CALL_OUTCOME\",\"number\":\""
            + to
            + "\",\"status\":\"no-answer\",\"remaining\":1}");
    String key = key();
    Map<String, Object> request = new LinkedHashMap<>(twimlCall(to, Map.of()));
    request.put("retry", Map.of("maxAttempts", 3, "spacingSeconds", 1));

    initiate(key, request);

    JsonNode outbound = awaitEnded(key).get("outbound");
    assertThat(outbound.get("status").asString()).isEqualTo("completed");
    assertThat(outbound.get("attempt").asInt()).isEqualTo(2);
    assertThat(statuses(outbound)).containsSubsequence("no-answer", "retry-scheduled", "completed");
    assertThat(twilioCallsTo(to)).isEqualTo(2);
  }

  @Test
  void timeoutAfterTwilioCreatedTheCallStillPlacesOneCall() throws Exception {
    String to = number();
    fault(
        "{\"type\":\"TIMEOUT_AFTER_SUCCESS\",\"number\":\""
            + to
            + "\",\"delayMillis\":2500,\"remaining\":1}");
    String key = key();

    initiate(key, twimlCall(to, Map.of()));

    JsonNode outbound = awaitEnded(key).get("outbound");
    assertThat(outbound.get("status").asString()).isEqualTo("completed");
    assertThat(placeAttempts(key)).containsExactly(2);
    assertThat(twilioCallsTo(to)).isEqualTo(1);
  }

  @Test
  void twentyQueuedCallsStartAtTheAccountsCallsPerSecond() throws Exception {
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      String key = key();
      keys.add(key);
      assertThat(initiate(key, twimlCall(number(), Map.of())).statusCode()).isEqualTo(202);
    }
    List<Instant> created = new ArrayList<>();
    for (String key : keys) {
      workflows
          .newUntypedWorkflowStub(OutboundCallWorkflowIds.outboundCall(key))
          .getResult(90, TimeUnit.SECONDS, OutboundCallState.class);
      created.add(placeStarted(key));
    }
    created.sort(null);
    Duration span = Duration.between(created.get(0), created.get(created.size() - 1));
    // 20 calls at 1 call/s: 19 intervals of at least a second, and not much more.
    assertThat(span).isGreaterThanOrEqualTo(Duration.ofMillis(18_900));
    assertThat(span).isLessThan(Duration.ofSeconds(24));
    // Grants are a second apart in PostgreSQL's time; the recorded completions add a little
    // scheduling jitter each, which averages out over a few calls but never hides a burst.
    for (int i = 1; i < created.size(); i++) {
      assertThat(Duration.between(created.get(i - 1), created.get(i)))
          .as("gap before call " + i)
          .isGreaterThan(Duration.ofMillis(500));
    }
    for (int i = 5; i < created.size(); i++) {
      assertThat(Duration.between(created.get(i - 5), created.get(i)))
          .as("five intervals before call " + i)
          .isGreaterThan(Duration.ofMillis(4_700));
    }
  }

  @Test
  void recordingIsPausedAndResumedAndTheCallTransferredWhileLive() throws Exception {
    String to = number();
    // The person talks for 20 s before the TwiML runs: the call is live for the commands.
    fault("{\"type\":\"CALL_HOLD\",\"number\":\"" + to + "\",\"delayMillis\":20000}");
    String key = key();
    initiate(key, twimlCall(to, Map.of()));
    String callSid = awaitLive(key);

    JsonNode started = post("/api/calls/" + callSid + "/recordings", null);
    String recordingSid = started.get("recordingSid").asString();
    assertThat(recordingSid).startsWith("RE");
    JsonNode paused =
        post("/api/calls/" + callSid + "/recordings/" + recordingSid, "{\"status\":\"paused\"}");
    assertThat(paused.get("recordingStatus").asString()).isEqualTo("paused");
    assertThat(
            json.readTree(twilio("/Calls/" + callSid + "/Recordings/" + recordingSid + ".json"))
                .get("status")
                .asString())
        .isEqualTo("paused");
    JsonNode resumed =
        post(
            "/api/calls/" + callSid + "/recordings/" + recordingSid,
            "{\"status\":\"in-progress\"}");
    assertThat(resumed.get("recordingStatus").asString()).isEqualTo("in-progress");

    JsonNode transferred = post("/api/calls/" + callSid + "/transfer", "{\"to\":\"+14155550123\"}");
    assertThat(transferred.get("callSid").asString()).isEqualTo(callSid);

    // The transfer replaced the held TwiML: the call ends long before the hold would.
    long before = System.nanoTime();
    JsonNode outbound = awaitEnded(key).get("outbound");
    assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(15));
    assertThat(outbound.get("status").asString()).isEqualTo("completed");
    assertThat(voiceAnswers(callSid)).doesNotContain("Your appointment");
    HttpResponse<String> late =
        request("POST", "/api/calls/" + callSid + "/transfer", "{\"queue\":\"support\"}", null);
    assertThat(late.statusCode()).as(late.body()).isEqualTo(409);
    assertThat(late.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(late.body()).contains("\"twilioCode\":21220");
  }

  @Test
  void hangUpEndsALiveCall() throws Exception {
    String to = number();
    fault("{\"type\":\"CALL_HOLD\",\"number\":\"" + to + "\",\"delayMillis\":20000}");
    String key = key();
    initiate(key, twimlCall(to, Map.of()));
    String callSid = awaitLive(key);

    JsonNode hungUp = post("/api/calls/" + callSid + "/hangup", null);

    assertThat(hungUp.get("callStatus").asString()).isEqualTo("completed");
    assertThat(awaitEnded(key).get("outbound").get("status").asString()).isEqualTo("completed");
  }

  @Test
  void videoRoomIsCreatedItsCallbackRecordedAndAParticipantTokenVerifies() throws Exception {
    String name = "it-room-" + UUID.randomUUID().toString().substring(0, 8);

    JsonNode room = post("/api/video/rooms", "{\"uniqueName\":\"" + name + "\"}");
    JsonNode token = post("/api/video/rooms/" + name + "/tokens", "{\"identity\":\"agent-7\"}");
    HttpResponse<String> again =
        request("POST", "/api/video/rooms", "{\"uniqueName\":\"" + name + "\"}", null);

    assertThat(room.get("roomSid").asString()).startsWith("RM");
    assertThat(room.get("status").asString()).isEqualTo("in-progress");
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.body()).contains("53113");
    // Verified as Twilio verifies it: HS256 under the API key's secret, issued by the key.
    // Twilio's tokens carry cty "twilio-fpa;v=1", so jjwt hands the verified payload over as
    // content rather than claims.
    io.jsonwebtoken.Jws<byte[]> jwt =
        io.jsonwebtoken.Jwts.parser()
            .verifyWith(
                io.jsonwebtoken.security.Keys.hmacShaKeyFor(
                    SimulatorDrivenPlatformTest.VIDEO_KEY_SECRET.getBytes(StandardCharsets.UTF_8)))
            .build()
            .parseSignedContent(token.get("token").asString());
    assertThat(jwt.getHeader().getContentType()).endsWith("twilio-fpa;v=1");
    JsonNode claims = json.readTree(jwt.getPayload());
    assertThat(claims.get("iss").asString()).isEqualTo(SimulatorDrivenPlatformTest.VIDEO_KEY_SID);
    assertThat(claims.get("sub").asString()).isEqualTo(properties.twilio().accountSid());
    assertThat(claims.get("exp").asLong()).isGreaterThan(Instant.now().getEpochSecond());
    assertThat(claims.get("grants").get("identity").asString()).isEqualTo("agent-7");
    assertThat(claims.get("grants").get("video").get("room").asString()).isEqualTo(name);
    HttpResponse<String> forged =
        request(
            "POST",
            "/api/video/rooms/" + name + "/tokens",
            "{\"identity\":\"+14155550100\"}",
            null);
    assertThat(forged.statusCode()).isEqualTo(400);
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    String events = "";
    while (!events.contains("room-created") && System.nanoTime() < deadline) {
      Thread.sleep(100);
      events = request("GET", "/api/video/rooms/" + name, null, null).body();
    }
    assertThat(events).contains("room-created").contains(room.get("roomSid").asString());
  }

  /** The CallSid once the call is answered and in progress. */
  String awaitLive(String key) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode outbound = get("/api/calls/" + key).get("outbound");
      if ("in-progress".equals(outbound.get("status").asString())) {
        return outbound.get("callSid").asString();
      }
      Thread.sleep(100);
    }
    throw new AssertionError("call " + key + " never went live");
  }

  JsonNode post(String path, String body) throws Exception {
    HttpResponse<String> response = request("POST", path, body, null);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json.readTree(response.body());
  }

  String twilio(String path) throws Exception {
    String account = properties.twilio().accountSid();
    String basic = account + ":" + properties.twilio().authToken();
    return http.send(
            HttpRequest.newBuilder(
                    URI.create(local("/simulator/twilio/2010-04-01/Accounts/" + account + path)))
                .header(
                    "Authorization",
                    "Basic "
                        + Base64.getEncoder()
                            .encodeToString(basic.getBytes(StandardCharsets.UTF_8)))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  @Test
  void sameKeyIsOneCallAnotherBodyIsAProblemAndBadInputIsA400() throws Exception {
    String to = number();
    String key = key();
    HttpResponse<String> first = initiate(key, twimlCall(to, Map.of()));
    HttpResponse<String> again = initiate(key, twimlCall(to, Map.of()));
    HttpResponse<String> other = initiate(key, twimlCall(number(), Map.of()));
    HttpResponse<String> both =
        initiate(key(), Map.of("to", to, "from", FROM, "twiml", GREETING, "flow", "demo"));
    HttpResponse<String> badNumber = initiate(key(), twimlCall("4155550100", Map.of()));

    assertThat(first.statusCode()).isEqualTo(202);
    assertThat(again.statusCode()).isEqualTo(202);
    assertThat(other.statusCode()).isEqualTo(422);
    assertThat(other.body()).contains("idempotency-key-reused");
    assertThat(both.statusCode()).isEqualTo(400);
    assertThat(both.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(badNumber.body()).contains("E.164");
    awaitEnded(key);
    assertThat(twilioCallsTo(to)).isEqualTo(1);
  }

  @Test
  void initiatingNeedsTheCallsWriteScope() throws Exception {
    HttpResponse<String> created =
        request("POST", "/api/keys", "{\"name\":\"r\",\"scopes\":[\"calls:read\"]}", null);
    String reader = json.readTree(created.body()).get("secret").asString();

    HttpResponse<String> refused =
        http.send(
            HttpRequest.newBuilder(URI.create(local("/api/calls/initiate")))
                .header("Authorization", "Bearer " + reader)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key())
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        json.writeValueAsString(twimlCall(number(), Map.of()))))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(refused.statusCode()).isEqualTo(403);
  }

  static Map<String, Object> twimlCall(String to, Map<String, String> metadata) {
    return Map.of("to", to, "from", FROM, "twiml", GREETING, "metadata", metadata);
  }

  HttpResponse<String> initiate(String key, Map<String, ?> body) throws Exception {
    return request("POST", "/api/calls/initiate", json.writeValueAsString(body), key);
  }

  private HttpResponse<String> request(String method, String path, String body, String key)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(local(path)))
            .header("Authorization", "Bearer " + API_KEY);
    if (key != null) {
      request.header("Idempotency-Key", key);
    }
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  JsonNode get(String path) throws Exception {
    HttpResponse<String> response = request("GET", path, null, null);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json.readTree(response.body());
  }

  /** The call once its workflow is done with it (the result waits; the records follow it). */
  JsonNode awaitEnded(String key) throws Exception {
    workflows
        .newUntypedWorkflowStub(OutboundCallWorkflowIds.outboundCall(key))
        .getResult(60, TimeUnit.SECONDS, OutboundCallState.class);
    return get("/api/calls/" + key);
  }

  static List<String> statuses(JsonNode outbound) {
    return outbound.get("events").valueStream().map(e -> e.get("status").asString()).toList();
  }

  /** Every TwiML answer our voice webhook gave for the call, from the inbox. */
  String voiceAnswers(String callSid) throws Exception {
    return request("GET", "/api/webhook-events?sid=" + callSid, null, null).body();
  }

  /** The attempts of each Place activity that ended, from the workflow's history. */
  List<Integer> placeAttempts(String key) {
    List<HistoryEvent> history =
        workflows.fetchHistory(OutboundCallWorkflowIds.outboundCall(key)).getEvents();
    List<Long> scheduled =
        history.stream()
            .filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED)
            .filter(
                e ->
                    e.getActivityTaskScheduledEventAttributes()
                        .getActivityType()
                        .getName()
                        .equals("Place"))
            .map(HistoryEvent::getEventId)
            .toList();
    return history.stream()
        .filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED)
        .filter(
            e ->
                scheduled.contains(e.getActivityTaskStartedEventAttributes().getScheduledEventId()))
        .map(e -> e.getActivityTaskStartedEventAttributes().getAttempt())
        .toList();
  }

  /** When the (first) Place activity started: right after the gate granted the turn. */
  Instant placeStarted(String key) {
    List<HistoryEvent> history =
        workflows.fetchHistory(OutboundCallWorkflowIds.outboundCall(key)).getEvents();
    long scheduled =
        history.stream()
            .filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED)
            .filter(
                e ->
                    e.getActivityTaskScheduledEventAttributes()
                        .getActivityType()
                        .getName()
                        .equals("RequestTurn"))
            .reduce((a, b) -> b)
            .orElseThrow()
            .getEventId();
    HistoryEvent completed =
        history.stream()
            .filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED)
            .filter(
                e -> e.getActivityTaskCompletedEventAttributes().getScheduledEventId() == scheduled)
            .findFirst()
            .orElseThrow();
    return Instant.ofEpochSecond(
        completed.getEventTime().getSeconds(), completed.getEventTime().getNanos());
  }

  /** How many calls Twilio (the simulator) has to the number. */
  int twilioCallsTo(String to) throws Exception {
    String account = properties.twilio().accountSid();
    String basic = account + ":" + properties.twilio().authToken();
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        local(
                            "/simulator/twilio/2010-04-01/Accounts/"
                                + account
                                + "/Calls.json?To="
                                + URLEncoder.encode(to, StandardCharsets.UTF_8))))
                .header(
                    "Authorization",
                    "Basic "
                        + Base64.getEncoder()
                            .encodeToString(basic.getBytes(StandardCharsets.UTF_8)))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json.readTree(response.body()).get("calls").size();
  }

  private void fault(String rule) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(local("/simulator/api/faults")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(rule))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(201);
  }

  String local(String path) {
    return "http://localhost:" + port + path;
  }

  static String key() {
    return "it-call-" + UUID.randomUUID();
  }

  static String number() {
    return "+1415556" + String.format("%04d", ThreadLocalRandom.current().nextInt(10_000));
  }
}

package io.switchboard.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.switchboard.config.SwitchboardProperties;
import io.switchboard.video.RoomInfo;
import io.switchboard.video.VideoRoomWorkflowIds;
import io.switchboard.voice.CallState;
import io.switchboard.voice.CallWorkflowIds;
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
  @Autowired MeterRegistry meters;

  @Test
  void initiatedCallRingsIsAnsweredAndCompletesWithEveryStatusRecorded() throws Exception {
    String to = number();
    String key = key();
    double initiated = count("switchboard.outbound.calls.initiated", "mode", "twiml");
    double created = count("switchboard.outbound.calls.placed", "how", "created");
    double answered = count("switchboard.outbound.calls.answered");
    double completed = count("switchboard.outbound.calls.finished", "status", "completed");
    long creates = timed("switchboard.outbound.call.create", "outcome", "ok");

    HttpResponse<String> accepted = initiate(key, twimlCall(to, Map.of("ref", "appt-42")));

    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    assertThat(accepted.headers().firstValue("Location")).hasValue("/api/calls/" + key);
    JsonNode call = awaitEnded(key);
    JsonNode outbound = call.get("outbound");
    assertThat(outbound.get("status").asString()).isEqualTo("completed");
    assertThat(outbound.get("attempt").asInt()).isEqualTo(1);
    assertThat(outbound.get("metadata").asString()).contains("appt-42");
    assertThat(statuses(outbound)).contains("accepted", "ringing", "in-progress", "completed");
    // The workflow's closing write is no status change: each status is listed once.
    assertThat(statuses(outbound)).doesNotHaveDuplicates();
    String callSid = outbound.get("callSid").asString();
    assertThat(call.get("callSid").asString()).isEqualTo(callSid);
    assertThat(call.get("direction").asString()).isEqualTo("outbound-api");
    // The attempt is a call like any other, and the person heard the request's TwiML.
    JsonNode byCallSid = get("/api/calls/" + callSid);
    assertThat(byCallSid.get("status").asString()).isEqualTo("completed");
    assertThat(voiceAnswers(callSid)).contains("Your appointment is tomorrow at nine.");
    // A campaign's backlog waits on a task queue of its own, never ahead of inbound calls' turns.
    assertThat(
            workflows
                .newUntypedWorkflowStub(OutboundCallWorkflowIds.outboundCall(key))
                .describe()
                .getTaskQueue())
        .isEqualTo(properties.taskQueues().outbound())
        .isNotEqualTo(properties.taskQueues().voice());
    JsonNode listed = get("/api/calls?direction=outbound-api&limit=200");
    assertThat(listed.valueStream().map(c -> c.get("callSid").asString())).contains(callSid);
    // Other tests place calls too: each counter moved by this call at least.
    assertThat(count("switchboard.outbound.calls.initiated", "mode", "twiml"))
        .isGreaterThanOrEqualTo(initiated + 1);
    assertThat(count("switchboard.outbound.calls.placed", "how", "created"))
        .isGreaterThanOrEqualTo(created + 1);
    assertThat(count("switchboard.outbound.calls.answered")).isGreaterThanOrEqualTo(answered + 1);
    assertThat(count("switchboard.outbound.calls.finished", "status", "completed"))
        .isGreaterThanOrEqualTo(completed + 1);
    assertThat(timed("switchboard.outbound.call.create", "outcome", "ok"))
        .isGreaterThanOrEqualTo(creates + 1);
    String scrape = request("GET", "/actuator/prometheus", null, null).body();
    assertThat(scrape)
        .contains("switchboard_outbound_calls_initiated_total{")
        .contains("switchboard_outbound_calls_placed_total{")
        .contains("switchboard_outbound_calls_answered_total{")
        .contains("switchboard_outbound_call_create_seconds_bucket{");
  }

  /** The sum of the counters of that name whose tags include the given ones. */
  double count(String name, String... tags) {
    return meters.find(name).tags(tags).counters().stream().mapToDouble(Counter::count).sum();
  }

  /** How many times the timers of that name with the given tags recorded. */
  long timed(String name, String... tags) {
    return meters.find(name).tags(tags).timers().stream().mapToLong(Timer::count).sum();
  }

  @Test
  void magicNumbersFailAtOnceWithTheirCodesAndOneAttempt() throws Exception {
    Map<String, Integer> refusals =
        Map.of("+15005550002", 21214, "+15005550003", 21215, "+15005550004", 21216);
    for (Map.Entry<String, Integer> refusal : refusals.entrySet()) {
      String key = key();
      String code = refusal.getValue().toString();
      double failures =
          count("switchboard.outbound.call.failures", "error_class", "rejected", "code", code);
      initiate(key, twimlCall(refusal.getKey(), Map.of()));

      JsonNode outbound = awaitEnded(key).get("outbound");
      assertThat(outbound.get("status").asString()).isEqualTo("failed");
      assertThat(outbound.get("errorCode").asInt()).isEqualTo(refusal.getValue());
      assertThat(placeAttempts(key)).containsExactly(1);
      assertThat(
              count("switchboard.outbound.call.failures", "error_class", "rejected", "code", code))
          .isGreaterThanOrEqualTo(failures + 1);
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
    double machines =
        count("switchboard.outbound.calls.machine.detected", "answered_by", "machine_end_beep");

    initiate(key, request);

    JsonNode outbound = awaitEnded(key).get("outbound");
    assertThat(outbound.get("status").asString()).isEqualTo("completed");
    assertThat(outbound.get("answeredBy").asString()).isEqualTo("machine_end_beep");
    String answers = voiceAnswers(outbound.get("callSid").asString());
    assertThat(answers).contains("Please call the clinic back.").contains("<Hangup");
    assertThat(answers).doesNotContain("Your appointment");
    assertThat(
            count("switchboard.outbound.calls.machine.detected", "answered_by", "machine_end_beep"))
        .isGreaterThanOrEqualTo(machines + 1);
  }

  @Test
  void aMachineIsCalledAgainWhenThePolicySaysSoAndThePersonHearsTheMessage() throws Exception {
    String to = number();
    fault(
        "{\"type\":\"CALL_OUTCOME\",\"number\":\""
            + to
            + "\",\"answeredBy\":\"machine_start\",\"remaining\":1}");
    String key = key();
    Map<String, Object> request = new LinkedHashMap<>(twimlCall(to, Map.of()));
    request.put("machineDetection", Map.of("onMachine", "hangup"));
    request.put("retry", Map.of("maxAttempts", 3, "spacingSeconds", 0, "retryOnMachine", true));

    assertThat(initiate(key, request).statusCode()).isEqualTo(202);

    JsonNode outbound = awaitEnded(key).get("outbound");
    assertThat(outbound.get("attempt").asInt()).isEqualTo(2);
    assertThat(outbound.get("answeredBy").asString()).isEqualTo("human");
    assertThat(voiceAnswers(outbound.get("callSid").asString())).contains("Your appointment");
    assertThat(twilioCallsTo(to)).isEqualTo(2);
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
    double retries = count("switchboard.outbound.call.retries");

    initiate(key, request);

    JsonNode outbound = awaitEnded(key).get("outbound");
    assertThat(outbound.get("status").asString()).isEqualTo("completed");
    assertThat(outbound.get("attempt").asInt()).isEqualTo(2);
    assertThat(statuses(outbound)).containsSubsequence("no-answer", "retry-scheduled", "completed");
    assertThat(twilioCallsTo(to)).isEqualTo(2);
    assertThat(count("switchboard.outbound.call.retries")).isGreaterThanOrEqualTo(retries + 1);
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
    List<String> numbers = new ArrayList<>();
    Instant since = Instant.now();
    for (int i = 0; i < 20; i++) {
      String key = key();
      String to = number();
      keys.add(key);
      numbers.add(to);
      assertThat(initiate(key, twimlCall(to, Map.of())).statusCode()).isEqualTo(202);
    }
    for (String key : keys) {
      StartedWorkflows.result(
          workflows, OutboundCallWorkflowIds.outboundCall(key), 90, OutboundCallState.class);
    }
    // When Twilio (the simulator) took each create, to the microsecond: the rate Twilio sees.
    List<Instant> created = createdAtTwilio(since, numbers);
    assertThat(created).hasSize(20);
    created.sort(null);
    Duration span = Duration.between(created.get(0), created.get(created.size() - 1));
    // 20 calls at 1 call/s: 19 intervals of at least a second, and not much more.
    assertThat(span).isGreaterThanOrEqualTo(Duration.ofMillis(18_900));
    assertThat(span).isLessThan(Duration.ofSeconds(24));
    // Grants are a second apart in PostgreSQL's time and each create starts with its grant; the
    // create's own latency adds a little jitter, which never hides a burst.
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

    long transfers =
        timed("switchboard.call.commands", "action", "transfer_number", "outcome", "done");
    long refusals = timed("switchboard.call.commands", "outcome", "refused");
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
    assertThat(timed("switchboard.call.commands", "action", "transfer_number", "outcome", "done"))
        .isGreaterThanOrEqualTo(transfers + 1);
    assertThat(timed("switchboard.call.commands", "outcome", "refused"))
        .isGreaterThanOrEqualTo(refusals + 1);
  }

  @Test
  void aLiveCallTransferredToAFlowHearsItsFirstPromptAndItsSessionRunsThatFlow() throws Exception {
    String flow = "it-survey-" + UUID.randomUUID().toString().substring(0, 8);
    publishFlow(flow, "Survey version one.");
    publishFlow(flow, "Thanks for holding, this is the survey.");
    String to = number();
    fault("{\"type\":\"CALL_HOLD\",\"number\":\"" + to + "\",\"delayMillis\":20000}");
    String key = key();
    initiate(key, twimlCall(to, Map.of()));
    String callSid = awaitLive(key);

    HttpResponse<String> unknown =
        request("POST", "/api/calls/" + callSid + "/transfer", "{\"flow\":\"no-such-flow\"}", null);
    HttpResponse<String> both =
        request(
            "POST",
            "/api/calls/" + callSid + "/transfer",
            "{\"flow\":\"" + flow + "\",\"queue\":\"support\"}",
            null);
    JsonNode transferred =
        post("/api/calls/" + callSid + "/transfer", "{\"flow\":\"" + flow + "\"}");

    assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(422);
    assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(both.statusCode()).as(both.body()).isEqualTo(400);
    assertThat(transferred.get("callSid").asString()).isEqualTo(callSid);
    // Twilio fetches the flow's TwiML after it answered the update: the callee hears the current
    // version's first prompt at the simulator, run by the call's session (which the transfer
    // started: the call only played TwiML before).
    String heard = awaitHeard(callSid, "Goodbye from the survey.");
    assertThat(heard)
        .contains("Thanks for holding, this is the survey.")
        .contains("transferFlow=" + flow)
        .doesNotContain("Survey version one.")
        .doesNotContain("Your appointment");
    CallState session =
        workflows
            .newUntypedWorkflowStub(CallWorkflowIds.call(callSid))
            .getResult(30, TimeUnit.SECONDS, CallState.class);
    assertThat(session.flowName()).isEqualTo(flow);
    assertThat(session.flowVersion()).isEqualTo(2);
    assertThat(awaitEnded(key).get("outbound").get("status").asString()).isEqualTo("completed");
    JsonNode events = get("/api/calls/" + callSid).get("events");
    assertThat(events.valueStream())
        .anySatisfy(
            event -> {
              assertThat(event.get("status").asString()).isEqualTo("transferred-to-flow");
              assertThat(event.get("detail").asString()).isEqualTo("flow " + flow + " version 2");
            });
  }

  private void publishFlow(String name, String prompt) throws Exception {
    String document =
        ("{'start':'hello','nodes':[{'id':'hello','type':'say','say':'%s','next':'bye'},"
                + "{'id':'bye','type':'hangup','say':'Goodbye from the survey.'}]}")
            .formatted(prompt)
            .replace('\'', '"');
    HttpResponse<String> published = request("PUT", "/api/flows/" + name, document, null);
    assertThat(published.statusCode()).as(published.body()).isEqualTo(201);
  }

  /** The simulator's transcript of the call once it contains the text. */
  String awaitHeard(String callSid, String text) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    String heard = "";
    while (!heard.contains(text) && System.nanoTime() < deadline) {
      Thread.sleep(100);
      heard = simulator("/simulator/api/calls/" + callSid + "/transcript");
    }
    return heard;
  }

  String simulator(String path) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(local(path))).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
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

  @Test
  void aRoomsLifeIsRecordedAndItsWorkflowEndsWhenTheRoomIsCompleted() throws Exception {
    String name = "it-life-" + UUID.randomUUID().toString().substring(0, 8);
    JsonNode room = post("/api/video/rooms", "{\"uniqueName\":\"" + name + "\"}");
    String token =
        post("/api/video/rooms/" + name + "/tokens", "{\"identity\":\"agent-7\"}")
            .get("token")
            .asString();

    // Someone joins with the token we issued and leaves again, at the simulator (Twilio's SDKs).
    HttpResponse<String> joined =
        simulatorSend(
            "POST",
            "/simulator/api/video/rooms/" + name + "/participants",
            "{\"token\":\"" + token + "\"}");
    HttpResponse<String> left =
        simulatorSend(
            "DELETE", "/simulator/api/video/rooms/" + name + "/participants/agent-7", null);
    JsonNode completed = post("/api/video/rooms/" + name + "/complete", null);

    assertThat(joined.statusCode()).as(joined.body()).isEqualTo(201);
    assertThat(left.statusCode()).as(left.body()).isEqualTo(200);
    assertThat(completed.get("status").asString()).isEqualTo("completed");
    RoomInfo last =
        workflows
            .newUntypedWorkflowStub(VideoRoomWorkflowIds.room(name))
            .getResult(20, TimeUnit.SECONDS, RoomInfo.class);
    assertThat(last.roomSid()).isEqualTo(room.get("roomSid").asString());
    assertThat(awaitRoomEvents(name, "room-ended"))
        .containsExactly(
            "room-created", "participant-connected", "participant-disconnected", "room-ended");
    HttpResponse<String> again =
        request("POST", "/api/video/rooms/" + name + "/complete", null, null);
    assertThat(again.statusCode()).as(again.body()).isIn(404, 409);
    assertThat(again.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    // The name is free again: a new room, with a new workflow.
    assertThat(
            post("/api/video/rooms", "{\"uniqueName\":\"" + name + "\"}").get("roomSid").asString())
        .isNotEqualTo(room.get("roomSid").asString());
    post("/api/video/rooms/" + name + "/complete", null);
  }

  @Test
  void aRoomIsEndedWhenItsMaximumDurationElapses() throws Exception {
    String name = "it-short-" + UUID.randomUUID().toString().substring(0, 8);
    long started = System.nanoTime();

    post("/api/video/rooms", "{\"uniqueName\":\"" + name + "\",\"maxDurationSeconds\":5}");

    RoomInfo last =
        workflows
            .newUntypedWorkflowStub(VideoRoomWorkflowIds.room(name))
            .getResult(30, TimeUnit.SECONDS, RoomInfo.class);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThan(Duration.ofSeconds(4));
    assertThat(last.status()).isEqualTo("completed");
    assertThat(awaitRoomEvents(name, "room-ended")).containsExactly("room-created", "room-ended");
    assertThat(json.readTree(twilioVideo("/v1/Rooms/" + last.roomSid())).get("status").asString())
        .isEqualTo("completed");
  }

  /** The room's recorded callback events, in order, once the given one is among them. */
  List<String> awaitRoomEvents(String room, String last) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    List<String> events = List.of();
    while (!events.contains(last) && System.nanoTime() < deadline) {
      Thread.sleep(100);
      events =
          get("/api/video/rooms/" + room)
              .valueStream()
              .map(event -> event.get("event").asString())
              .toList();
    }
    return events;
  }

  String twilioVideo(String path) throws Exception {
    String account = properties.twilio().accountSid();
    String basic = account + ":" + properties.twilio().authToken();
    return http.send(
            HttpRequest.newBuilder(URI.create(local("/simulator/twilio" + path)))
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

  HttpResponse<String> simulatorSend(String method, String path, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(local(path)));
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
    Map<String, Object> blindRetry = new LinkedHashMap<>(twimlCall(to, Map.of()));
    blindRetry.put("retry", Map.of("maxAttempts", 2, "retryOnMachine", true));
    HttpResponse<String> machineRetryWithoutDetection = initiate(key(), blindRetry);

    assertThat(first.statusCode()).isEqualTo(202);
    assertThat(again.statusCode()).isEqualTo(202);
    assertThat(other.statusCode()).isEqualTo(422);
    assertThat(other.body()).contains("idempotency-key-reused");
    assertThat(both.statusCode()).isEqualTo(400);
    assertThat(both.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(badNumber.body()).contains("E.164");
    assertThat(machineRetryWithoutDetection.statusCode()).isEqualTo(400);
    assertThat(machineRetryWithoutDetection.body()).contains("retryOnMachine");
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
    StartedWorkflows.result(
        workflows, OutboundCallWorkflowIds.outboundCall(key), 60, OutboundCallState.class);
    return get("/api/calls/" + key);
  }

  static List<String> statuses(JsonNode outbound) {
    return outbound.get("events").valueStream().map(e -> e.get("status").asString()).toList();
  }

  /** Every TwiML answer our voice webhook gave for the call, from the inbox. */
  String voiceAnswers(String callSid) throws Exception {
    return request("GET", "/api/webhook-events?sid=" + callSid, null, null).body();
  }

  /**
   * The attempts of the activity that placed the call (the last Place or PlaceWithinRate scheduled:
   * a throttled PlaceWithinRate hands back to a durable timer and a new one is scheduled later).
   */
  List<Integer> placeAttempts(String key) {
    List<HistoryEvent> history =
        workflows.fetchHistory(OutboundCallWorkflowIds.outboundCall(key)).getEvents();
    List<Long> scheduled =
        history.stream()
            .filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED)
            .filter(
                e ->
                    List.of("Place", "PlaceWithinRate")
                        .contains(
                            e.getActivityTaskScheduledEventAttributes()
                                .getActivityType()
                                .getName()))
            .map(HistoryEvent::getEventId)
            .reduce((first, last) -> last)
            .stream()
            .toList();
    return history.stream()
        .filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED)
        .filter(
            e ->
                scheduled.contains(e.getActivityTaskStartedEventAttributes().getScheduledEventId()))
        .map(e -> e.getActivityTaskStartedEventAttributes().getAttempt())
        .toList();
  }

  /** When the simulator took the create of each call to these numbers since then, in order. */
  List<Instant> createdAtTwilio(Instant since, List<String> numbers) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(local("/simulator/api/calls/created?since=" + since)))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    List<Instant> created = new ArrayList<>();
    for (JsonNode creation : json.readTree(response.body())) {
      if (numbers.contains(creation.get("to").asString())) {
        created.add(Instant.parse(creation.get("createdAt").asString()));
      }
    }
    return created;
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

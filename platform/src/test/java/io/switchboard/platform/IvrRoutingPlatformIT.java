package io.switchboard.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.switchboard.recording.RecordingOutcome;
import io.switchboard.recording.RecordingWorkflowIds;
import io.switchboard.voice.CallSessionWorkflow;
import io.switchboard.voice.CallState;
import io.switchboard.voice.CallWorkflowIds;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The flow nodes that reach outside the call, end to end: agents registered through the REST API
 * and a caller queued until one becomes free, a routing service too slow for its node, consent and
 * voicemail handed to the recording pipeline. The simulator plays Twilio and its caller.
 */
@SimulatorDrivenPlatformTest
class IvrRoutingPlatformIT {

  static final String KEY = SimulatorDrivenPlatformTest.API_KEY;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @LocalServerPort int port;
  @Autowired WorkflowClient workflows;
  @Autowired io.switchboard.config.SwitchboardProperties properties;

  @Test
  void aQueuedCallerIsConnectedWhenAnAgentWithTheSkillBecomesFree() throws Exception {
    String id = suffix();
    String skill = "billing" + id;
    putAgent("busy-" + id, "client:busy" + id, skill, 1, false);
    String node = "q" + id;
    String number =
        publishAndMap(
            """
            {'start':'%1$s','nodes':[
             {'id':'%1$s','type':'route','skills':['%2$s'],'next':'bye'},
             {'id':'bye','type':'hangup','say':'Thanks for waiting.'}]}
            """
                .formatted(node, skill));

    // The caller holds through up to 40 wait turns, 250 ms apart, unless an agent takes them.
    CompletableFuture<String> call =
        CompletableFuture.supplyAsync(() -> callUnchecked(number, List.of("queue:wait:40:250")));
    awaitWebhook(node + ".wait");
    HttpResponse<String> free =
        send("PUT", "/api/agents/busy-" + id + "/availability", KEY, "{\"available\":true}");
    String transcript = call.get(30, TimeUnit.SECONDS);

    assertThat(free.statusCode()).as(free.body()).isEqualTo(200);
    assertThat(transcript)
        .contains("Leaves the queue")
        .contains("Dials the client busy" + id)
        .contains("Thanks for waiting.");
    CallState state = state(jsonField(transcript, "callSid"));
    assertThat(state.variables())
        .containsEntry("agent", "busy-" + id)
        .containsEntry("queueResult", "leave");
    assertThat(send("GET", "/api/agents/busy-" + id, KEY, null).body())
        .contains("\"available\":false")
        .contains("\"reservedFor\":\"" + state.callSid() + "\"");
  }

  @Test
  void theCallerWhoWaitedLongestGetsTheFreedAgentEvenIfALaterOneAsksMoreOften() throws Exception {
    String id = suffix();
    String skill = "fifo" + id;
    putAgent("fifo-" + id, "client:fifo" + id, skill, 1, false);
    String node = "f" + id;
    String number =
        publishAndMap(
            """
            {'start':'%1$s','nodes':[
             {'id':'%1$s','type':'route','skills':['%2$s'],'next':'bye'},
             {'id':'bye','type':'hangup','say':'Thanks for waiting.'}]}
            """
                .formatted(node, skill));

    // The first caller's hold music loops every second; the second caller's five times as often,
    // so that without a line the second would almost always ask first once the agent is free.
    CompletableFuture<String> first =
        CompletableFuture.supplyAsync(() -> callUnchecked(number, List.of("queue:wait:20:1000")));
    awaitWebhook(node + ".wait");
    CompletableFuture<String> second =
        CompletableFuture.supplyAsync(() -> callUnchecked(number, List.of("queue:wait:50:200")));
    sleep(2_000);
    String line = send("GET", "/api/agent-line", KEY, null).body();
    HttpResponse<String> free =
        send("PUT", "/api/agents/fifo-" + id + "/availability", KEY, "{\"available\":true}");
    String firstTranscript = first.get(60, TimeUnit.SECONDS);
    String secondTranscript = second.get(60, TimeUnit.SECONDS);

    // Ops saw both in line, the first caller ahead.
    String firstSid = jsonField(firstTranscript, "callSid");
    String secondSid = jsonField(secondTranscript, "callSid");
    assertThat(line).contains(firstSid).contains(secondSid);
    assertThat(line.indexOf(firstSid)).isLessThan(line.indexOf(secondSid));

    // Each heard their place in the line.
    assertThat(firstTranscript)
        .contains("All our agents are busy. You are number 1 in the queue.")
        .doesNotContain("You are number 2 in the queue.");
    assertThat(secondTranscript)
        .contains("All our agents are busy. You are number 2 in the queue.");

    assertThat(free.statusCode()).as(free.body()).isEqualTo(200);
    assertThat(firstTranscript).contains("Dials the client fifo" + id);
    assertThat(secondTranscript).doesNotContain("Dials the client fifo" + id);
    assertThat(send("GET", "/api/agents/fifo-" + id, KEY, null).body())
        .contains("\"reservedFor\":\"" + firstSid + "\"");
    assertThat(send("GET", "/api/agent-line", null, null).statusCode()).isEqualTo(401);
  }

  @Test
  void aPriorityCallerWhoJoinedTheQueueSecondIsToldTheyAreFirst() throws Exception {
    String id = suffix();
    String skill = "prio" + id;
    putAgent("prio-" + id, "client:prio" + id, skill, 1, false);
    String flow =
        """
        {'start':'%1$s','nodes':[
         {'id':'%1$s','type':'route','skills':['%2$s'],'queue':'q%3$s','priority':%4$d,
          'next':'bye'},
         {'id':'bye','type':'hangup','say':'Thanks for waiting.'}]}
        """;
    String regular = publishAndMap(flow.formatted("r" + id, skill, id, 0));
    String vip = publishAndMap(flow.formatted("v" + id, skill, id, 50));

    CompletableFuture<String> first =
        CompletableFuture.supplyAsync(() -> callUnchecked(regular, List.of("queue:wait:12:500")));
    awaitWebhook("r" + id + ".wait");
    String vipTranscript = callUnchecked(vip, List.of("queue:wait:3:500"));
    String firstTranscript = first.get(60, TimeUnit.SECONDS);

    // Twilio counts arrivals in its queue: the VIP is second there, first in our line.
    String vipSid = jsonField(vipTranscript, "callSid");
    assertThat(send("GET", "/api/webhook-events?sid=" + vipSid, KEY, null).body())
        .contains("\"QueuePosition\":\"2\"");
    assertThat(vipTranscript)
        .contains("You are number 1 in the queue.")
        .doesNotContain("You are number 2 in the queue.");
    assertThat(firstTranscript)
        .contains("You are number 1 in the queue.")
        .contains("You are number 2 in the queue.");
  }

  @Test
  void aCallerWhoTakesTheCallbackHangsUpKeepsTheirPlaceAndIsCalledBackToTheFreedAgent()
      throws Exception {
    String id = suffix();
    String skill = "callback" + id;
    putAgent("cb-" + id, "client:cb" + id, skill, 1, false);
    String node = "cb" + id;
    String number =
        publishAndMap(
            """
            {'start':'%1$s','nodes':[
             {'id':'%1$s','type':'route','skills':['%2$s'],'next':'bye',
              'callback':{'digit':'1','prompt':'Press 1 and we will call you back.',
                          'confirmPrompt':'We will call you back when an agent is free.',
                          'greeting':'This is your call back.','attempts':2,'spacing':30}},
             {'id':'bye','type':'hangup','say':'Thanks for waiting.'}]}
            """
                .formatted(node, skill));
    String caller = caller();

    // The caller hears the offer on the first wait turn, presses 1 and the call ends.
    String transcript = call(caller, number, List.of("1"));
    String callSid = jsonField(transcript, "callSid");

    assertThat(transcript)
        .contains("Press 1 and we will call you back.")
        .contains("Leaves the queue")
        .contains("We will call you back when an agent is free.")
        .doesNotContain("Dials");
    await("/api/calls/" + callSid, "callback-requested");
    // Hung up, but still waiting: the session holds the caller's place, nobody is called yet.
    assertThat(state(callSid).variables()).containsEntry("callback", "requested");
    assertThat(twilioCalls(caller)).isEmpty();

    HttpResponse<String> free =
        send("PUT", "/api/agents/cb-" + id + "/availability", KEY, "{\"available\":true}");
    assertThat(free.statusCode()).as(free.body()).isEqualTo(200);

    // The session ends once the callback has been placed, answered and connected.
    CallState done =
        workflows
            .newUntypedWorkflowStub(CallWorkflowIds.call(callSid))
            .getResult(90, TimeUnit.SECONDS, CallState.class);
    assertThat(done.variables()).containsEntry("callback", "answered");
    String outbound = send("GET", "/api/calls/callback-" + callSid, KEY, null).body();
    assertThat(outbound).contains("\"status\":\"completed\"").contains("callbackFor");
    List<String> calls = twilioCalls(caller);
    assertThat(calls).hasSize(1);
    assertThat(calls.get(0)).contains("\"from\":\"" + number + "\"");
    String callbackSid = jsonField(calls.get(0), "sid");
    String answered = send("GET", "/api/webhook-events?sid=" + callbackSid, KEY, null).body();
    assertThat(answered).contains("This is your call back.").contains("cb" + id);
    String events = send("GET", "/api/calls/" + callSid, KEY, null).body();
    assertThat(events)
        .contains("callback-requested")
        .contains("callback-calling")
        .contains("callback-answered")
        .contains("agent cb-" + id)
        .doesNotContain("\"detail\":\"" + caller);
    assertThat(send("GET", "/api/agents/cb-" + id, KEY, null).body())
        .contains("\"reservedFor\":\"" + callSid + "\"");
  }

  @Test
  void aCallbackWhoseAgentMissesTheCallIsToldAndConnectedToTheNextAgentOnAnotherCall()
      throws Exception {
    String id = suffix();
    String skill = "missed" + id;
    putAgent("first-" + id, "client:first" + id, skill, 9, false);
    putAgent("next-" + id, "client:next" + id, skill, 1, false);
    String node = "cb" + id;
    String number =
        publishAndMap(
            """
            {'start':'%1$s','nodes':[
             {'id':'%1$s','type':'route','skills':['%2$s'],'next':'bye',
              'callback':{'digit':'1','prompt':'Press 1 and we will call you back.',
                          'confirmPrompt':'We will call you back.','attempts':2,'spacing':30}},
             {'id':'bye','type':'hangup','say':'Thanks for waiting.'}]}
            """
                .formatted(node, skill));
    String caller = caller();
    String callSid = jsonField(call(caller, number, List.of("1")), "callSid");
    await("/api/calls/" + callSid, "callback-requested");
    // The first agent's phone rings out once the caller has answered the call back.
    fault(
        "{\"type\":\"DIAL_OUTCOME\",\"number\":\""
            + caller
            + "\",\"status\":\"no-answer\",\"remaining\":1}");
    for (String agent : List.of("first-" + id, "next-" + id)) {
      HttpResponse<String> free =
          send("PUT", "/api/agents/" + agent + "/availability", KEY, "{\"available\":true}");
      assertThat(free.statusCode()).as(free.body()).isEqualTo(200);
    }

    CallState done =
        workflows
            .newUntypedWorkflowStub(CallWorkflowIds.call(callSid))
            .getResult(90, TimeUnit.SECONDS, CallState.class);

    assertThat(done.variables()).containsEntry("callback", "answered");
    String firstRound = send("GET", "/api/calls/callback-" + callSid, KEY, null).body();
    String secondRound = send("GET", "/api/calls/callback-" + callSid + "-2", KEY, null).body();
    assertThat(firstRound).contains("\"status\":\"completed\"").contains("first-" + id);
    assertThat(secondRound).contains("\"status\":\"completed\"").contains("next-" + id);
    // The caller heard why the call ended on the first round, and the second reached an agent.
    String missed =
        send("GET", "/api/webhook-events?sid=" + jsonField(firstRound, "callSid"), KEY, null)
            .body();
    assertThat(missed).contains("the agent could not take your call").contains("callback-dial");
    String reached =
        send("GET", "/api/webhook-events?sid=" + jsonField(secondRound, "callSid"), KEY, null)
            .body();
    assertThat(reached).contains("next" + id + "<").doesNotContain("could not take your call");
    assertThat(twilioCalls(caller)).hasSize(2);
    String events = send("GET", "/api/calls/" + callSid, KEY, null).body();
    assertThat(events)
        .contains("callback-agent-missed")
        .contains("agent first-" + id + ", outbound callback-" + callSid + "\"")
        .contains("agent next-" + id + ", outbound callback-" + callSid + "-2")
        .contains("callback-answered");
    // The agent who missed the call stays reserved until set available, as after a queue call.
    assertThat(send("GET", "/api/agents/first-" + id, KEY, null).body())
        .contains("\"reservedFor\":\"" + callSid + "\"");
  }

  @Test
  void theBestFreeAgentByPriorityIsDialledWithoutQueueing() throws Exception {
    String id = suffix();
    String skill = "spanish" + id;
    putAgent("low-" + id, "+15005550006", skill, 1, true);
    putAgent("high-" + id, "sip:high" + id + "@pbx.example.com", skill, 9, true);
    putAgent("other-" + id, "client:other" + id, "other" + id, 99, true);
    String number =
        publishAndMap(
            """
            {'start':'route','nodes':[
             {'id':'route','type':'route','skills':['%s'],'next':'bye'},
             {'id':'bye','type':'hangup','say':'Goodbye.'}]}
            """
                .formatted(skill));

    String transcript = call(number, List.of());

    assertThat(transcript).contains("SIP endpoint sip:high" + id).doesNotContain("queue");
  }

  @Test
  void aRoutingServiceSlowerThanItsTimeoutTakesTheFallbackBranch() throws Exception {
    HttpServer router = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    router.createContext(
        "/slow",
        exchange -> {
          sleep(4000);
          answer(exchange, "{\"route\":\"vip\"}");
        });
    router.createContext("/fast", exchange -> answer(exchange, "{\"route\":\"vip\"}"));
    // A thread per request: the slow answer must not hold up the fast one behind it.
    java.util.concurrent.ExecutorService threads =
        java.util.concurrent.Executors.newCachedThreadPool();
    router.setExecutor(threads);
    router.start();
    try {
      String flow =
          """
          {'start':'decide','nodes':[
           {'id':'decide','type':'decide','url':'http://127.0.0.1:%d/%s','timeout':1500,
            'routes':{'vip':'vip'},'fallback':'fallback'},
           {'id':'vip','type':'hangup','say':'Welcome, valued caller.'},
           {'id':'fallback','type':'hangup','say':'Our routing is busy, goodbye.'}]}
          """;
      int routerPort = router.getAddress().getPort();

      String slow = call(publishAndMap(flow.formatted(routerPort, "slow")), List.of());
      String fast = call(publishAndMap(flow.formatted(routerPort, "fast")), List.of());

      assertThat(slow).contains("Our routing is busy, goodbye.").doesNotContain("valued");
      assertThat(state(jsonField(slow, "callSid")).variables()).containsEntry("decide", "fallback");
      assertThat(fast).contains("Welcome, valued caller.");
    } finally {
      router.stop(0);
      threads.shutdownNow();
    }
  }

  @Test
  void aConsentedVoicemailIsStoredByTheRecordingPipelineAndARefusedOneIsNot() throws Exception {
    String number =
        publishAndMap(
            """
            {'start':'consent','nodes':[
             {'id':'consent','type':'consent','say':'Press 1 to allow recording.','next':'vm'},
             {'id':'vm','type':'voicemail','say':'Leave a message.','next':'bye'},
             {'id':'bye','type':'hangup','say':'Goodbye.'}]}
            """);

    String consented = jsonField(call(number, List.of("1", "record:4#")), "callSid");
    String refusedCall = call(number, List.of("2", "record:4#"));
    String refused = jsonField(refusedCall, "callSid");

    assertThat(await("/api/recordings/" + consented, "\"status\":\"stored\""))
        .contains("\"durationSeconds\":4");
    // The refused call's recording reaches the pipeline too, which deletes it and stores nothing.
    String refusedSid = jsonField(refusedCall, "RecordingSid");
    assertThat(pipelineOutcome(refusedSid)).isEqualTo(RecordingOutcome.REFUSED_NO_CONSENT);
    assertThat(send("GET", "/api/recordings/" + refused, KEY, null).statusCode()).isEqualTo(404);
  }

  @Test
  void agentsAreValidatedAndTheirScopesEnforced() throws Exception {
    HttpResponse<String> created =
        send("POST", "/api/keys", KEY, "{\"name\":\"agents\",\"scopes\":[\"agents:read\"]}");
    String reader = jsonField(created.body(), "secret");
    String agent = "{\"name\":\"A\",\"target\":\"client:a\",\"skills\":[\"x\"]}";

    HttpResponse<String> invalid =
        send("PUT", "/api/agents/bad", KEY, "{\"name\":\"A\",\"target\":\"tel:1\"}");
    HttpResponse<String> unknown =
        send("PUT", "/api/agents/nobody/availability", KEY, "{\"available\":true}");

    assertThat(invalid.statusCode()).isEqualTo(400);
    assertThat(invalid.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(send("GET", "/api/agents", reader, null).statusCode()).isEqualTo(200);
    assertThat(send("PUT", "/api/agents/a", reader, agent).statusCode()).isEqualTo(403);
    assertThat(send("GET", "/api/agents", null, null).statusCode()).isEqualTo(401);
  }

  private void putAgent(String id, String target, String skill, int priority, boolean available)
      throws Exception {
    String body =
        "{\"name\":\"%s\",\"target\":\"%s\",\"skills\":[\"%s\"],\"priority\":%d,\"available\":%s}"
            .formatted(id, target, skill, priority, available);
    HttpResponse<String> put = send("PUT", "/api/agents/" + id, KEY, body);
    assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
  }

  private String publishAndMap(String flow) throws Exception {
    String name = "routing-" + suffix();
    HttpResponse<String> published =
        send("PUT", "/api/flows/" + name, KEY, flow.replace('\'', '"'));
    assertThat(published.statusCode()).as(published.body()).isEqualTo(201);
    String number = "+1555" + String.format("%07d", (long) (Math.random() * 10_000_000));
    HttpResponse<String> mapped =
        send("PUT", "/api/numbers/" + number + "/flow", KEY, "{\"flow\":\"" + name + "\"}");
    assertThat(mapped.statusCode()).as(mapped.body()).isEqualTo(200);
    return number;
  }

  /** Waits until the inbox holds a voice webhook whose path ends with {@code step}. */
  private void awaitWebhook(String step) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      String events =
          send("GET", "/api/webhook-events?kind=VOICE_ACTION&limit=200", KEY, null).body();
      if (events.contains("/webhooks/voice/" + step)) {
        return;
      }
      sleep(100);
    }
    throw new AssertionError("no webhook for " + step);
  }

  private String await(String path, String expected) throws Exception {
    return await(path, expected, Duration.ofSeconds(20));
  }

  private String await(String path, String expected, Duration patience) throws Exception {
    long deadline = System.nanoTime() + patience.toNanos();
    String last = "";
    while (System.nanoTime() < deadline) {
      HttpResponse<String> response = send("GET", path, KEY, null);
      last = response.body();
      if (response.statusCode() == 200 && last.contains(expected)) {
        return last;
      }
      sleep(200);
    }
    throw new AssertionError(expected + " never in " + last);
  }

  /** The pipeline's result; the relay may start it a moment after the callback is answered. */
  private RecordingOutcome pipelineOutcome(String recordingSid) {
    WorkflowStub pipeline =
        workflows.newUntypedWorkflowStub(RecordingWorkflowIds.recording(recordingSid));
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        return pipeline.getResult(20, TimeUnit.SECONDS, RecordingOutcome.class);
      } catch (io.temporal.client.WorkflowNotFoundException notYet) {
        sleep(200);
      } catch (java.util.concurrent.TimeoutException e) {
        throw new AssertionError(e);
      }
    }
    throw new AssertionError("no pipeline for " + recordingSid);
  }

  private String callUnchecked(String to, List<String> inputs) {
    try {
      return call(to, inputs);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private String call(String to, List<String> inputs) throws Exception {
    return call(caller(), to, inputs);
  }

  /** Places a call through the simulator and returns its transcript as JSON. */
  private String call(String from, String to, List<String> inputs) throws Exception {
    String body =
        "{\"from\":\""
            + from
            + "\",\"to\":\""
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

  /** The calls Twilio (the simulator) has to a number, each as its JSON object. */
  private List<String> twilioCalls(String to) throws Exception {
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
                                + java.net.URLEncoder.encode(to, StandardCharsets.UTF_8))))
                .header(
                    "Authorization",
                    "Basic "
                        + java.util.Base64.getEncoder()
                            .encodeToString(basic.getBytes(StandardCharsets.UTF_8)))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    tools.jackson.databind.JsonNode calls =
        tools.jackson.databind.json.JsonMapper.builder()
            .build()
            .readTree(response.body())
            .get("calls");
    return calls.valueStream().map(tools.jackson.databind.JsonNode::toString).toList();
  }

  private void fault(String rule) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(local("/simulator/api/faults")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(rule))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
  }

  private HttpResponse<String> send(String method, String path, String key, String json)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(local(path)));
    if (key != null) {
      request.header("Authorization", "Bearer " + key);
    }
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

  /** The session's state; a query that meets the session between workflow tasks is retried. */
  private CallState state(String callSid) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (true) {
      try {
        return workflows
            .newWorkflowStub(CallSessionWorkflow.class, CallWorkflowIds.call(callSid))
            .getState();
      } catch (io.temporal.client.WorkflowNotFoundException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        sleep(200);
      }
    }
  }

  private String local(String path) {
    return "http://localhost:" + port + path;
  }

  private static void answer(com.sun.net.httpserver.HttpExchange exchange, String json)
      throws java.io.IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    try {
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
    } catch (java.io.IOException gone) {
      // The activity gave up waiting and closed the connection: that is the point of the test.
    } finally {
      exchange.close();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String jsonField(String json, String field) {
    java.util.regex.Matcher matcher =
        java.util.regex.Pattern.compile("\"" + field + "\":\"([^\"]+)\"").matcher(json);
    assertThat(matcher.find()).as(field + " in " + json).isTrue();
    return matcher.group(1);
  }

  /**
   * A caller number of its own per call: the classes sharing this platform place many calls, and
   * one number over the per-caller rate limit would be rejected as busy.
   */
  private static String caller() {
    return "+1555" + String.format("%07d", (long) (Math.random() * 10_000_000));
  }

  private static String suffix() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }
}

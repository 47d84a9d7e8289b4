package io.switchboard.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.api.starts.PendingStart;
import io.switchboard.api.starts.StartKind;
import io.switchboard.api.starts.WorkflowLauncher;
import io.switchboard.api.starts.WorkflowStarts;
import io.switchboard.messaging.MessageDeliveryWorkflow;
import io.switchboard.messaging.MessageRepository;
import io.switchboard.messaging.MessageRequest;
import io.switchboard.messaging.MessageState;
import io.switchboard.messaging.MessageStatusEvent;
import io.switchboard.messaging.MessageWorkflowIds;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Messaging end to end over real HTTP: the REST API starts the delivery workflow, the worker sends
 * through twilio-java to the simulator in the same JVM, the simulator's signed status callbacks
 * come back through the webhook ingress (inbox, then a signal), and PostgreSQL records every
 * status. The workflow also fetches the status when no final callback came within 1 s here, so
 * assertions hold whichever path delivers a status first; one test signals callbacks directly, as
 * the ingress does.
 */
@SimulatorDrivenPlatformTest
class MessagingPlatformIT {

  static final String API_KEY = SimulatorDrivenPlatformTest.API_KEY;
  static final String FROM = "+15005550006";

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final JsonMapper json = JsonMapper.builder().build();

  @LocalServerPort int port;
  @Autowired WorkflowClient workflows;
  @Autowired WorkflowStarts starts;
  @Autowired WorkflowLauncher launcher;
  @Autowired MessageRepository messages;
  @Autowired JdbcClient jdbc;

  @Test
  void sentMessageIsDeliveredToTheHandsetWithEveryStatusRecorded() throws Exception {
    String to = handset();
    String key = key();

    HttpResponse<String> accepted = send(key, to, "Your table is ready.");

    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    assertThat(accepted.headers().firstValue("Location")).hasValue("/api/messages/" + key);
    JsonNode message = awaitFinal(key);
    assertThat(message.get("status").asString()).isEqualTo("delivered");
    assertThat(message.get("messageSid").asString()).startsWith("SM");
    assertThat(statuses(message)).startsWith("accepted", "queued").endsWith("delivered");
    assertThat(handsetMessages(to)).isEqualTo(1);
  }

  @Test
  void statusCallbacksSignalledAsTheIngressWillAreRecordedInOrder() throws Exception {
    String key = key();
    send(key, handset(), "Signalled");
    String sid = awaitField(key, "messageSid");
    MessageDeliveryWorkflow delivery =
        workflows.newWorkflowStub(MessageDeliveryWorkflow.class, MessageWorkflowIds.message(key));

    delivery.messageStatusChanged(
        MessageStatusEvent.fromCallback(Map.of("MessageSid", sid, "MessageStatus", "sent")));
    delivery.messageStatusChanged(
        MessageStatusEvent.fromCallback(Map.of("MessageSid", sid, "MessageStatus", "sending")));

    JsonNode message = awaitFinal(key);
    assertThat(message.get("status").asString()).isEqualTo("delivered");
    assertThat(statuses(message)).contains("sending", "sent");
  }

  @Test
  void magicNumberFailsAtOnceWithItsCodeAndOneAttempt() throws Exception {
    String key = key();

    send(key, "+15005550001", "Hello");

    JsonNode message = awaitFinal(key);
    assertThat(message.get("status").asString()).isEqualTo("failed");
    assertThat(message.get("errorCode").asInt()).isEqualTo(21211);
    assertThat(sendAttempt(key)).isEqualTo(1);
  }

  @Test
  void rateLimitStormIsRiddenOutAndOneMessageArrives() throws Exception {
    String to = handset();
    fault("{\"type\":\"RATE_LIMIT\",\"number\":\"" + to + "\",\"remaining\":3}");
    String key = key();

    send(key, to, "After the storm");

    assertThat(awaitFinal(key).get("status").asString()).isEqualTo("delivered");
    assertThat(sendAttempt(key)).isEqualTo(4);
    assertThat(handsetMessages(to)).isEqualTo(1);
  }

  @Test
  void timeoutAfterTwilioCreatedTheMessageStillGivesOneMessageAtTheHandset() throws Exception {
    String to = handset();
    fault(
        "{\"type\":\"TIMEOUT_AFTER_SUCCESS\",\"number\":\""
            + to
            + "\",\"delayMillis\":2500,\"remaining\":1}");
    String key = key();

    send(key, to, "Exactly once");

    assertThat(awaitFinal(key).get("status").asString()).isEqualTo("delivered");
    assertThat(sendAttempt(key)).isEqualTo(2);
    assertThat(handsetMessages(to)).isEqualTo(1);
  }

  @Test
  void undeliveredWhatsappFallsBackToSmsAndReachesTheHandset() throws Exception {
    String to = handset();
    fault(
        "{\"type\":\"DELIVERY_FAILURE\",\"number\":\"whatsapp:"
            + to
            + "\",\"status\":\"undelivered\",\"errorCode\":63016,\"remaining\":1}");
    // The recipient wrote first, so WhatsApp's 24-hour session window is open for a free-form body.
    inbound("whatsapp:" + to, "whatsapp:" + FROM, "Hi");
    String key = key();
    String whatsapp =
        json.writeValueAsString(
            Map.of(
                "to",
                to,
                "from",
                FROM,
                "body",
                "Your code is 1234",
                "channel",
                "whatsapp",
                "fallbackChannel",
                "sms",
                "fallbackFrom",
                FROM));

    HttpResponse<String> accepted = request("POST", "/api/messages/send", API_KEY, whatsapp, key);

    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    JsonNode original = awaitFinal(key);
    assertThat(original.get("status").asString()).isEqualTo("undelivered");
    assertThat(original.get("errorCode").asInt()).isEqualTo(63016);
    JsonNode fallback = awaitFinal(key + "~sms");
    assertThat(fallback.get("channel").asString()).isEqualTo("sms");
    assertThat(fallback.get("status").asString()).isEqualTo("delivered");
    assertThat(handsetMessages(to)).isEqualTo(1);
  }

  @Test
  void recipientWhoRepliedStopIsRefusedWithoutASend() throws Exception {
    String to = handset();
    // The handset texts STOP: the simulator posts the signed /webhooks/sms, the ingress hands it
    // to InboundMessages, and Twilio's confirmation comes back as the TwiML reply.
    HttpResponse<String> stop = inbound(to, FROM, "STOP");
    assertThat(stop.statusCode()).as(stop.body()).isEqualTo(200);
    assertThat(stop.body()).contains("successfully been unsubscribed");
    String key = key();

    send(key, to, "Deal of the day");

    JsonNode message = awaitFinal(key);
    assertThat(message.get("status").asString()).isEqualTo("failed");
    assertThat(message.get("errorCode").asInt()).isEqualTo(21610);
    assertThat(message.get("errorMessage").asString()).contains("opted out");
    assertThat(message.has("messageSid")).isFalse();
    assertThat(handsetMessages(to)).isZero();
  }

  @Test
  void sameKeyAndBodyIsOneMessageAndAnotherBodyIsAProblem() throws Exception {
    String to = handset();
    String key = key();

    HttpResponse<String> first = send(key, to, "Once");
    HttpResponse<String> again = send(key, to, "Once");
    HttpResponse<String> other = send(key, to, "Twice?");

    assertThat(again.statusCode()).isEqualTo(202);
    assertThat(json.readTree(again.body()).get("id").asString()).isEqualTo(key);
    assertThat(other.statusCode()).isEqualTo(422);
    assertThat(other.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(other.body()).contains("idempotency-key-reused");
    assertThat(awaitFinal(key).get("status").asString()).isEqualTo("delivered");
    assertThat(handsetMessages(to)).isEqualTo(1);
    assertThat(first.statusCode()).isEqualTo(202);
  }

  @Test
  void segmentsAndEncodingAreReportedForGsm7Ucs2AndEmojiBodies() throws Exception {
    JsonNode gsm = json.readTree(send(key(), handset(), "a".repeat(161)).body());
    JsonNode ucs = json.readTree(send(key(), handset(), "ж".repeat(71)).body());
    JsonNode emoji = json.readTree(send(key(), handset(), "😀".repeat(36)).body());

    assertThat(gsm.get("encoding").asString()).isEqualTo("GSM-7");
    assertThat(gsm.get("segments").asInt()).isEqualTo(2);
    assertThat(ucs.get("encoding").asString()).isEqualTo("UCS-2");
    assertThat(ucs.get("segments").asInt()).isEqualTo(2);
    assertThat(emoji.get("encoding").asString()).isEqualTo("UCS-2");
    assertThat(emoji.get("segments").asInt()).isEqualTo(2);
  }

  @Test
  void invalidRequestsAreProblemDocumentsThatSayWhy() throws Exception {
    HttpResponse<String> badNumber = send(key(), "4155550100", "Hi");
    HttpResponse<String> tooLong = send(key(), handset(), "a".repeat(1601));
    HttpResponse<String> noKey =
        request("POST", "/api/messages/send", API_KEY, body(handset(), "Hi"), null);

    assertThat(badNumber.statusCode()).isEqualTo(400);
    assertThat(badNumber.body()).contains("E.164");
    assertThat(tooLong.statusCode()).isEqualTo(400);
    assertThat(tooLong.body()).contains("1,600");
    assertThat(noKey.statusCode()).isEqualTo(400);
    assertThat(noKey.body()).contains("Idempotency-Key");
  }

  @Test
  void sendingNeedsTheWriteScopeAndReadingTheReadScope() throws Exception {
    HttpResponse<String> created =
        request(
            "POST",
            "/api/keys",
            API_KEY,
            "{\"name\":\"reader\",\"scopes\":[\"messages:read\"]}",
            null);
    String reader = json.readTree(created.body()).get("secret").asString();

    assertThat(
            request("POST", "/api/messages/send", reader, body(handset(), "x"), key()).statusCode())
        .isEqualTo(403);
    assertThat(request("GET", "/api/messages?limit=5", reader, null, null).statusCode())
        .isEqualTo(200);
  }

  @Test
  void acceptedSendOwesItsStartOnlyUntilTheWorkflowHasIt() throws Exception {
    String key = key();

    assertThat(send(key, handset(), "Owed, then started.").statusCode()).isEqualTo(202);

    StartedWorkflows.await(workflows, MessageWorkflowIds.message(key), Duration.ofSeconds(10));
    awaitFinal(key);
    assertThat(starts.find(MessageWorkflowIds.message(key))).isEmpty();
  }

  @Test
  void startLeftOwedByAStoppedApiIsMadeByTheRelayAndDeliveredOnce() throws Exception {
    String to = handset();
    String key = key();
    // What an api that stopped between the commit and the start leaves behind: the row and the
    // owed start, committed, and no workflow.
    messages.insertAccepted(key, "sms", FROM, to, 0, "GSM-7", 1, "owed", null, Instant.now());
    starts.add(
        launcher.pending(
            MessageWorkflowIds.message(key),
            StartKind.MESSAGE,
            new MessageRequest(
                key, "sms", FROM, to, "Left owed.", List.of(), null, null, 1, null, null, null)),
        Duration.ZERO);

    JsonNode message = awaitFinal(key);

    assertThat(message.get("status").asString()).isEqualTo("delivered");
    assertThat(handsetMessages(to)).isEqualTo(1);
    assertThat(starts.find(MessageWorkflowIds.message(key))).isEmpty();
  }

  @Test
  void startTemporalCannotTakeStaysOwedWithItsErrorAndBacksOffWithoutHoldingUpOthers()
      throws Exception {
    String workflowId = MessageWorkflowIds.message(key());
    // Older than anything else owed, so the relay meets it first on every pass.
    starts.add(
        new PendingStart(
            workflowId,
            StartKind.MESSAGE,
            "not a payload".getBytes(StandardCharsets.UTF_8),
            Instant.now().minusSeconds(60),
            0),
        Duration.ZERO);
    String to = handset();
    String behind = key();
    messages.insertAccepted(behind, "sms", FROM, to, 0, "GSM-7", 1, "owed", null, Instant.now());
    starts.add(
        launcher.pending(
            MessageWorkflowIds.message(behind),
            StartKind.MESSAGE,
            new MessageRequest(
                behind, "sms", FROM, to, "Behind.", List.of(), null, null, 1, null, null, null)),
        Duration.ZERO);
    try {
      // One bad start does not hold up the ones behind it.
      assertThat(awaitFinal(behind).get("status").asString()).isEqualTo("delivered");
      long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
      while (starts.find(workflowId).orElseThrow().attempts() == 0) {
        assertThat(System.nanoTime()).as("relay attempt of " + workflowId).isLessThan(deadline);
        Thread.sleep(50);
      }
      Map<String, Object> owed =
          jdbc.sql(
                  "SELECT last_error, next_attempt_at > now() AS later FROM workflow_starts"
                      + " WHERE workflow_id = :id")
              .param("id", workflowId)
              .query()
              .singleRow();
      assertThat((String) owed.get("last_error")).contains("unreadable input of " + workflowId);
      assertThat(owed.get("later")).isEqualTo(true);
      // Ops see it, with why, and without the request's contents.
      HttpResponse<String> listed =
          request("GET", "/api/ops/workflow-starts?limit=500", API_KEY, null, null);
      assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
      JsonNode row =
          json.readTree(listed.body())
              .valueStream()
              .filter(start -> start.get("workflowId").asString().equals(workflowId))
              .findFirst()
              .orElseThrow();
      assertThat(row.get("kind").asString()).isEqualTo("MESSAGE");
      assertThat(row.get("attempts").asInt()).isPositive();
      assertThat(row.get("lastError").asString()).contains("unreadable input");
      assertThat(row.has("input")).isFalse();
      assertThat(
              request("GET", "/api/ops/workflow-starts?limit=0", API_KEY, null, null).statusCode())
          .isEqualTo(400);
    } finally {
      starts.done(workflowId);
    }
  }

  private HttpResponse<String> send(String key, String to, String text) throws Exception {
    return request("POST", "/api/messages/send", API_KEY, body(to, text), key);
  }

  private String body(String to, String text) throws Exception {
    return json.writeValueAsString(Map.of("to", to, "from", FROM, "body", text));
  }

  private HttpResponse<String> request(
      String method, String path, String apiKey, String body, String idempotencyKey)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", "Bearer " + apiKey);
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
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

  private JsonNode awaitFinal(String key) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      HttpResponse<String> response = request("GET", "/api/messages/" + key, API_KEY, null, null);
      if (response.statusCode() == 404 && System.nanoTime() < deadline) {
        Thread.sleep(100); // A fallback's row is made by its own workflow, a moment later.
        continue;
      }
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      JsonNode message = json.readTree(response.body());
      String status = message.get("status").asString();
      if (List.of("delivered", "undelivered", "failed").contains(status)) {
        return message;
      }
      assertThat(System.nanoTime())
          .as("message " + key + " stuck at " + status)
          .isLessThan(deadline);
      Thread.sleep(100);
    }
  }

  private String awaitField(String key, String field) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      JsonNode message =
          json.readTree(request("GET", "/api/messages/" + key, API_KEY, null, null).body());
      if (message.has(field)) {
        return message.get(field).asString();
      }
      assertThat(System.nanoTime()).as(field + " of " + key).isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  private static List<String> statuses(JsonNode message) {
    return message.get("events").valueStream().map(e -> e.get("status").asString()).toList();
  }

  /**
   * The attempt that ended the Send activity, read from the workflow's history once it completed: a
   * status callback can report the message delivered while a lost answer still holds the send.
   */
  private int sendAttempt(String key) throws Exception {
    workflows
        .newUntypedWorkflowStub(MessageWorkflowIds.message(key))
        .getResult(30, java.util.concurrent.TimeUnit.SECONDS, MessageState.class);
    List<HistoryEvent> history =
        workflows.fetchHistory(MessageWorkflowIds.message(key)).getEvents();
    long scheduled =
        history.stream()
            .filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED)
            .filter(
                e ->
                    e.getActivityTaskScheduledEventAttributes()
                        .getActivityType()
                        .getName()
                        .startsWith("Send"))
            .reduce((first, last) -> last) // the send that was not throttled
            .orElseThrow()
            .getEventId();
    return history.stream()
        .filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED)
        .filter(e -> e.getActivityTaskStartedEventAttributes().getScheduledEventId() == scheduled)
        .findFirst()
        .orElseThrow()
        .getActivityTaskStartedEventAttributes()
        .getAttempt();
  }

  private HttpResponse<String> inbound(String from, String to, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/simulator/api/messages/inbound"))
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    json.writeValueAsString(Map.of("from", from, "to", to, "body", body))))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private void fault(String rule) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/simulator/api/faults"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(rule))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(201);
  }

  private int handsetMessages(String number) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://localhost:"
                            + port
                            + "/simulator/api/handsets/"
                            + number.replace("+", "%2B")
                            + "/messages"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return json.readTree(response.body()).size();
  }

  private static String key() {
    return "it-" + UUID.randomUUID();
  }

  private static String handset() {
    return "+1415555" + String.format("%04d", ThreadLocalRandom.current().nextInt(10_000));
  }
}

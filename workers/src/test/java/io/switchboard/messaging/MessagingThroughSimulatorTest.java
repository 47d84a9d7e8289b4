package io.switchboard.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.common.SwitchboardSearchAttributes;
import io.switchboard.config.SharedConfiguration;
import io.switchboard.simulator.SimulatorConfiguration;
import io.switchboard.twilio.TwilioClientConfiguration;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.SearchAttributeKey;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The delivery workflow with its real activities: twilio-java against the real simulator (in this
 * test's server) and the records in a real PostgreSQL. Status callbacks have no ingress here, so
 * the workflow resolves each message's status by fetching it, as it does when callbacks are lost.
 */
@SpringBootTest(
    classes = MessagingThroughSimulatorTest.Config.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "switchboard.twilio.account-sid=AC0123456789abcdef0123456789abcdef",
      "switchboard.twilio.auth-token=0123456789abcdef0123456789abcdef",
      "switchboard.twilio.mode=simulator",
      "switchboard.twilio.http.read-timeout=1s",
      "switchboard.simulator.lifecycle.message-step=0ms"
    })
class MessagingThroughSimulatorTest {

  static final EmbeddedPostgres POSTGRES = start();
  static final String FROM = "+15005550006";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @SpringBootConfiguration
  @EnableAutoConfiguration
  @Import({
    SharedConfiguration.class,
    TwilioClientConfiguration.class,
    TwilioMessages.class,
    SenderThrottle.class,
    MessagingActivitiesImpl.class,
    SimulatorConfiguration.class
  })
  static class Config {}

  @DynamicPropertySource
  static void datasource(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> POSTGRES.getJdbcUrl("postgres", "postgres"));
    registry.add("spring.datasource.username", () -> "postgres");
  }

  @LocalServerPort int port;
  @Autowired MessagingActivitiesImpl activities;
  @Autowired MessageRepository messages;
  @Autowired MessageEventRepository events;
  @Autowired OptOutRepository optOuts;

  private TestWorkflowEnvironment temporal;
  private WorkflowClient client;

  @BeforeEach
  void startTemporal() throws Exception {
    control("DELETE", "/simulator/api/state", null);
    temporal = TestWorkflowEnvironment.newInstance();
    for (SearchAttributeKey<?> attribute : SwitchboardSearchAttributes.ALL) {
      temporal.registerSearchAttribute(
          attribute.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);
    }
    Worker worker = temporal.newWorker("messaging");
    worker.registerWorkflowImplementationTypes(MessageDeliveryWorkflowImpl.class);
    worker.registerActivitiesImplementations(activities);
    temporal.start();
    client = temporal.getWorkflowClient();
  }

  @AfterEach
  void stopTemporal() {
    temporal.close();
  }

  @Test
  void sentMessageIsDeliveredWithEveryStatusRecorded() {
    String to = handset();

    MessageState result = deliver(request(to, "Your table is ready."));

    assertThat(result.status()).isEqualTo("delivered");
    assertThat(result.messageSid()).startsWith("SM");
    MessageRecord row = messages.findById(result.id()).orElseThrow();
    assertThat(row.status()).isEqualTo("delivered");
    assertThat(row.messageSid()).isEqualTo(result.messageSid());
    assertThat(row.encoding()).isEqualTo("GSM-7");
    assertThat(events.findByMessageIdOrderByStatusRankAscOccurredAtAsc(result.id()))
        .extracting(MessageEventRecord::status)
        .startsWith("accepted", "queued")
        .endsWith("delivered");
    assertThat(handsetMessages(to)).hasSize(1);
  }

  @ParameterizedTest
  @CsvSource({
    "+15005550001,21211",
    "+15005550002,21612",
    "+15005550003,21408",
    "+15005550004,21610",
    "+15005550009,21614"
  })
  void magicNumberFailsAtOnceWithItsCodeAfterOneAttempt(String to, int code) {
    MessageState result = deliver(request(to, "Hello"));

    assertThat(result.status()).isEqualTo("failed");
    assertThat(result.errorCode()).isEqualTo(code);
    assertThat(sendAttempts(result.id())).isEqualTo(1);
    assertThat(messages.findById(result.id()).orElseThrow().errorCode()).isEqualTo(code);
  }

  @Test
  void rateLimitStormIsRiddenOutAndTheMessageGoesOnce() throws Exception {
    String to = handset();
    control("POST", "/simulator/api/faults", "{\"type\":\"RATE_LIMIT\",\"remaining\":3}");

    MessageState result = deliver(request(to, "After the storm"));

    assertThat(result.status()).isEqualTo("delivered");
    assertThat(sendAttempts(result.id())).isEqualTo(4);
    assertThat(handsetMessages(to)).hasSize(1);
  }

  @Test
  void answerLostAfterTwilioCreatedTheMessageIsReconciledNotResent() throws Exception {
    String to = handset();
    control(
        "POST",
        "/simulator/api/faults",
        "{\"type\":\"TIMEOUT_AFTER_SUCCESS\",\"delayMillis\":2500,\"remaining\":1}");

    MessageState result = deliver(request(to, "Exactly once"));

    assertThat(result.status()).isEqualTo("delivered");
    assertThat(sendAttempts(result.id())).isEqualTo(2);
    assertThat(handsetMessages(to)).hasSize(1);
  }

  @Test
  void optedOutRecipientIsRefusedWithoutCallingTwilio() throws Exception {
    String to = handset();
    optOuts.optOut(FROM, to, "STOP", Instant.now());

    MessageState result = deliver(request(to, "Deal of the day"));

    assertThat(result.status()).isEqualTo("failed");
    assertThat(result.errorCode()).isEqualTo(21610);
    assertThat(result.messageSid()).isNull();
    assertThat(handsetMessages(to)).isEmpty();
  }

  @Test
  void lateStatusIsKeptAsHistoryButNeverMovesTheMessageBack() {
    MessageRequest request = request(handset(), "Hi");
    activities.recordAccepted(request);
    activities.recordAccepted(request);
    activities.recordStatus(status(request.id(), "delivered", true, 2_000));
    activities.recordStatus(status(request.id(), "sent", false, 3_000));
    activities.recordStatus(status(request.id(), "sent", false, 3_000));

    assertThat(messages.findById(request.id()).orElseThrow().status()).isEqualTo("delivered");
    assertThat(events.findByMessageIdOrderByStatusRankAscOccurredAtAsc(request.id()))
        .extracting(MessageEventRecord::status)
        .containsExactly("accepted", "sent", "delivered");
  }

  @Test
  void aNewerRunMovesAFailedMessageOnAndTheSupersededRunsLateWritesMoveNothing() {
    MessageRequest request = request(handset(), "Hi");
    String id = request.id();
    activities.recordAccepted(request);
    // Workflow time, after the acceptance the row was made at.
    long t = System.currentTimeMillis() + 1_000;
    activities.recordStatus(
        new MessagingActivities.StatusRecord(
            id, null, "failed", 20503, "Twilio was down", "workflow", true, t + 1_000, "run-1"));
    assertThat(messages.findById(id).orElseThrow().status()).isEqualTo("failed");

    // An operator's retry: the new run's statuses move the message on, whatever their rank.
    activities.recordStatus(status(id, "queued", true, t + 5_000, "run-2"));
    MessageRecord retried = messages.findById(id).orElseThrow();
    assertThat(retried.status()).isEqualTo("queued");
    assertThat(retried.errorCode()).isNull();
    assertThat(retried.errorMessage()).isNull();
    // Within the new run, only forward again; the old run's late writes move nothing.
    activities.recordStatus(status(id, "delivered", true, t + 6_000, "run-2"));
    activities.recordStatus(status(id, "sent", true, t + 5_500, "run-2"));
    activities.recordStatus(status(id, "undelivered", true, t + 2_000, "run-1"));

    MessageRecord done = messages.findById(id).orElseThrow();
    assertThat(done.status()).isEqualTo("delivered");
    assertThat(done.messageSid()).isEqualTo("SM1" + id.hashCode());
    assertThat(events.findByMessageIdOrderByStatusRankAscOccurredAtAsc(id))
        .extracting(MessageEventRecord::status)
        .contains("failed", "queued", "delivered");
  }

  @Test
  void aFinalMessageIsNotMovedBackByItsOwnRun() {
    MessageRequest request = request(handset(), "Hi");
    String id = request.id();
    activities.recordAccepted(request);
    // Workflow time, after the acceptance the row was made at.
    long t = System.currentTimeMillis() + 1_000;
    activities.recordStatus(status(id, "delivered", true, t + 2_000, "run-1"));
    activities.recordStatus(status(id, "queued", true, t + 3_000, "run-1"));

    assertThat(messages.findById(id).orElseThrow().status()).isEqualTo("delivered");
  }

  private static MessagingActivities.StatusRecord status(
      String id, String status, boolean applied, long at) {
    return status(id, status, applied, at, "run-1");
  }

  private static MessagingActivities.StatusRecord status(
      String id, String status, boolean applied, long at, String runId) {
    return new MessagingActivities.StatusRecord(
        id, "SM1" + id.hashCode(), status, null, null, "callback", applied, at, runId);
  }

  private MessageState deliver(MessageRequest request) {
    MessageDeliveryWorkflow stub =
        client.newWorkflowStub(
            MessageDeliveryWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(MessageWorkflowIds.message(request.id()))
                .setTaskQueue("messaging")
                .build());
    WorkflowClient.start(stub::deliver, request);
    return WorkflowStub.fromTyped(stub).getResult(MessageState.class);
  }

  /** The attempt that ended the Send activity, from the workflow's history. */
  private int sendAttempts(String id) {
    List<HistoryEvent> history = client.fetchHistory(MessageWorkflowIds.message(id)).getEvents();
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

  static MessageRequest request(String to, String body) {
    return new MessageRequest(
        "it-" + UUID.randomUUID(), "sms", FROM, to, body, List.of(), null, null, 1, null);
  }

  /** A fresh handset number per test, so that reconciliation and inboxes never mix tests. */
  private static String handset() {
    return "+1415555" + String.format("%04d", (int) (Math.random() * 10_000));
  }

  private List<?> handsetMessages(String number) {
    String json =
        control("GET", "/simulator/api/handsets/" + number.replace("+", "%2B") + "/messages", null);
    return json.equals("[]")
        ? List.of()
        : List.of(json.split("\"messageSid\"")).subList(1, json.split("\"messageSid\"").length);
  }

  private String control(String method, String path, String json) {
    try {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
      if (json != null) {
        request.header("Content-Type", "application/json");
      }
      request.method(
          method,
          json == null
              ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofString(json));
      HttpResponse<String> response =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(response.body()).isLessThan(300);
      return response.body();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static EmbeddedPostgres start() {
    try {
      return EmbeddedPostgres.start();
    } catch (IOException e) {
      throw new IllegalStateException("embedded PostgreSQL did not start", e);
    }
  }

  @AfterAll
  static void stop() throws IOException {
    POSTGRES.close();
  }
}

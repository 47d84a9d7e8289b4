package io.switchboard.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.api.starts.StartKind;
import io.switchboard.api.starts.WorkflowLauncher;
import io.switchboard.api.starts.WorkflowStarts;
import io.switchboard.messaging.BulkProgress;
import io.switchboard.messaging.BulkSendInput;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Templates, bulk sends, WhatsApp templates outside the session window and cancelled scheduled
 * sends, end to end: REST API, workflows, the shared rate gate in PostgreSQL, and the simulator's
 * handsets as the recipients.
 */
@SimulatorDrivenPlatformTest
class BulkMessagingPlatformIT {

  static final String API_KEY = SimulatorDrivenPlatformTest.API_KEY;
  static final String FROM = "+15005550006";

  /** Configured at 10 segments a second in {@link SimulatorDrivenPlatformTest}. */
  static final String BULK_FROM = "+14155559000";

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final JsonMapper json = JsonMapper.builder().build();

  @LocalServerPort int port;
  @Autowired WorkflowStarts starts;
  @Autowired WorkflowLauncher launcher;
  @Autowired JdbcClient jdbc;

  @Test
  void templatesAreSavedCheckedListedAndDeleted() throws Exception {
    String name = "greet-" + UUID.randomUUID();
    HttpResponse<String> created = putTemplate(name, "en", "Hi {{name}}!", null);
    HttpResponse<String> replaced = putTemplate(name, "en", "Hello {{name}}!", null);
    HttpResponse<String> malformed = putTemplate(name, "fr", "Salut {{name}!", null);

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(replaced.statusCode()).isEqualTo(200);
    assertThat(json.readTree(replaced.body()).get("variables").get(0).asString()).isEqualTo("name");
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(malformed.body()).contains("invalid-template");
    assertThat(request("GET", "/api/templates?name=" + name, null, null).body())
        .contains("Hello {{name}}!");
    assertThat(request("DELETE", "/api/templates/" + name + "/en", null, null).statusCode())
        .isEqualTo(204);
    assertThat(request("GET", "/api/templates/" + name + "/en", null, null).statusCode())
        .isEqualTo(404);
  }

  @Test
  void sendWithATemplateRendersItAndMissingVariablesAreNamed() throws Exception {
    String name = "ready-" + UUID.randomUUID();
    putTemplate(name, "es", "Hola {{name}}, su mesa para {{size}} está lista.", null);
    String to = handset();

    HttpResponse<String> missing =
        send(
            key(),
            Map.of(
                "to",
                to,
                "from",
                FROM,
                "template",
                name,
                "locale",
                "es-MX",
                "variables",
                Map.of("name", "Ada")));
    String key = key();
    HttpResponse<String> accepted =
        send(
            key,
            Map.of(
                "to",
                to,
                "from",
                FROM,
                "template",
                name,
                "locale",
                "es-MX",
                "variables",
                Map.of("name", "Ada", "size", "4")));

    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(json.readTree(missing.body()).get("missing").get(0).asString()).isEqualTo("size");
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    awaitMessage(key, "delivered");
    assertThat(handsetBodies(to)).containsExactly("Hola Ada, su mesa para 4 está lista.");
  }

  @Test
  void whatsAppOutsideTheSessionWindowSendsTheApprovedTemplate() throws Exception {
    String name = "wa-" + UUID.randomUUID();
    putTemplate(name, "en", "Your order {{order}} shipped.", "HX0123456789abcdef0123456789abcdef");
    String to = handset();
    String key = key();

    send(
        key,
        Map.of(
            "to",
            to,
            "from",
            FROM,
            "channel",
            "whatsapp",
            "template",
            name,
            "variables",
            Map.of("order", "A-17")));

    awaitMessage(key, "delivered");
    // WhatsApp messages reach the handset's WhatsApp address.
    assertThat(handsetBodies("whatsapp:" + to))
        .containsExactly("[template HX0123456789abcdef0123456789abcdef] {\"1\":\"A-17\"}");
  }

  @Test
  void whatsAppWithoutTemplateOutsideTheWindowFailsWith63016AndNoSend() throws Exception {
    String to = handset();
    String key = key();

    send(key, Map.of("to", to, "from", FROM, "channel", "whatsapp", "body", "Free-form"));

    JsonNode message = awaitMessage(key, "failed");
    assertThat(message.get("errorCode").asInt()).isEqualTo(63016);
    assertThat(handsetBodies("whatsapp:" + to)).isEmpty();
  }

  private void sendInAnHour(String key, String to) throws Exception {
    send(
        key,
        Map.of(
            "to",
            to,
            "from",
            FROM,
            "body",
            "Later",
            "sendAt",
            Instant.now().plus(Duration.ofHours(1)).toString()));
  }

  @Test
  void cancelledScheduledSendEndsCanceledAndNothingArrives() throws Exception {
    String to = handset();
    String key = key();
    sendInAnHour(key, to);
    awaitMessage(key, "scheduled");

    HttpResponse<String> cancelled =
        request("POST", "/api/messages/" + key + "/cancel", null, null);

    assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(202);
    awaitMessage(key, "canceled");
    assertThat(handsetBodies(to)).isEmpty();
  }

  @Test
  void cancelRightAfterTheSendReachesTheMessageBeforeItsWorkflowRan() throws Exception {
    String to = handset();
    String key = key();
    sendInAnHour(key, to);

    // No wait: the 202 promises the start, which may not have happened yet.
    HttpResponse<String> cancelled =
        request("POST", "/api/messages/" + key + "/cancel", null, null);

    assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(202);
    awaitMessage(key, "canceled");
    assertThat(handsetBodies(to)).isEmpty();
  }

  @Test
  void bulkSendAtTenPerSecondDeliversEveryoneNeverFasterThanTheSendersRate() throws Exception {
    String name = "bulk-" + UUID.randomUUID();
    putTemplate(name, "en", "Hi {{name}}, doors open at 8.", null);
    int count = 30;
    List<Map<String, Object>> recipients = new ArrayList<>();
    List<String> handsets = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String to = String.format("+1415556%04d", (int) (Math.random() * 10_000));
      while (handsets.contains(to)) {
        to = String.format("+1415556%04d", (int) (Math.random() * 10_000));
      }
      handsets.add(to);
      recipients.add(Map.of("to", to, "variables", Map.of("name", "guest" + i)));
    }
    // One message through the whole path first (another sender, so another gate). On a platform
    // that has sent nothing yet, the first creates stall for about a second on their way to the
    // simulator and then arrive together, however far apart they were sent (measured 2026-12-03:
    // ten creates within 6 ms, then 100 ms apart); that is a cold JVM, not the gate.
    String warmUp = key();
    send(warmUp, Map.of("to", handset(), "from", FROM, "body", "Warming up."));
    awaitMessage(warmUp, "delivered");
    String id = key();
    Instant since = Instant.now();

    HttpResponse<String> accepted =
        request(
            "POST",
            "/api/messages/bulk",
            json.writeValueAsString(
                Map.of("template", name, "from", BULK_FROM, "recipients", recipients)),
            id);

    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    assertThat(accepted.headers().firstValue("Location")).hasValue("/api/bulk/" + id);
    JsonNode done = awaitBulk(id);
    assertThat(done.get("delivered").asInt()).isEqualTo(count);
    for (String to : handsets) {
      assertThat(handsetMessages(to).size()).as("messages at " + to).isEqualTo(1);
    }
    // When the simulator took each create, to the microsecond: the rate Twilio would count.
    List<Instant> created = createdFrom(BULK_FROM, since, handsets);
    assertThat(created).hasSize(count);
    // Grants are exactly 100 ms apart; each create starts with its grant, so only the create's own
    // latency (a few ms) moves them. A burst would put far more than ten in a second.
    assertThat(Duration.between(created.get(0), created.get(count - 1)))
        .isGreaterThan(Duration.ofMillis(2_850));
    for (int i = 10; i < count; i++) {
      assertThat(Duration.between(created.get(i - 10), created.get(i)))
          .as("ten intervals before message " + i)
          .isGreaterThan(Duration.ofMillis(950));
    }
  }

  /**
   * A bulk send is accepted on its commit, like a single send: until its workflow starts (Temporal
   * down, or the api stopped right after the commit) its progress comes from PostgreSQL, and a
   * pause starts it first so that the signal reaches it.
   */
  @Test
  void bulkSendWhoseStartIsStillOwedAnswersFromTheDatabaseAndIsStartedByAPause() throws Exception {
    String id = key();
    String first = handset();
    String second = handset();
    while (second.equals(first)) {
      second = handset();
    }
    List<String> handsets = List.of(first, second);
    // What an accepted bulk send is before its start: its rows and the owed start, held for an
    // hour so that the relay leaves it to the pause.
    jdbc.sql(
            """
            INSERT INTO bulk_sends (id, template_name, locale, body, channel, from_address, total,
                                    status_check_seconds, request_hash, created_at)
            VALUES (:id, 'owed', 'en', 'Owed {{n}}', 'sms', :from, 2, 60, :hash, now())
            """)
        .param("id", id)
        .param("from", FROM)
        .param("hash", "0".repeat(64))
        .update();
    for (int seq = 0; seq < handsets.size(); seq++) {
      jdbc.sql(
              "INSERT INTO bulk_recipients (bulk_id, seq, to_address, variables)"
                  + " VALUES (:id, :seq, :to, :variables)")
          .param("id", id)
          .param("seq", seq)
          .param("to", handsets.get(seq))
          .param("variables", "{\"n\":\"" + seq + "\"}")
          .update();
    }
    starts.add(
        launcher.pending(
            "bulk:" + id,
            StartKind.BULK_SEND,
            new BulkSendInput(id, 50, 100, 1000, BulkProgress.start(id, 2), false, false)),
        Duration.ofHours(1));

    JsonNode before = json.readTree(request("GET", "/api/bulk/" + id, null, null).body());
    HttpResponse<String> paused = request("POST", "/api/bulk/" + id + "/pause", null, null);
    HttpResponse<String> resumed = request("POST", "/api/bulk/" + id + "/resume", null, null);

    assertThat(before.get("state").asString()).isEqualTo("running");
    assertThat(before.get("total").asInt()).isEqualTo(2);
    assertThat(before.get("started").asInt()).isZero();
    assertThat(paused.statusCode()).as(paused.body()).isEqualTo(202);
    assertThat(starts.find("bulk:" + id)).isEmpty();
    assertThat(resumed.statusCode()).as(resumed.body()).isEqualTo(202);
    assertThat(awaitBulk(id).get("delivered").asInt()).isEqualTo(2);
    assertThat(handsetBodies(handsets.get(0))).containsExactly("Owed 0");
    assertThat(handsetBodies(handsets.get(1))).containsExactly("Owed 1");
    assertThat(request("GET", "/api/bulk/" + key(), null, null).statusCode()).isEqualTo(404);
  }

  @Test
  void bulkSendIsPausedResumedAndCancelledOverRest() throws Exception {
    String name = "slow-" + UUID.randomUUID();
    putTemplate(name, "en", "Reminder {{n}}", null);
    List<Map<String, Object>> recipients = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      recipients.add(
          Map.of("to", String.format("+1415558%04d", i), "variables", Map.of("n", "" + i)));
    }
    String id = key();
    // A long code at its default 1 segment a second: 20 recipients take 20 s unless stopped.
    request(
        "POST",
        "/api/messages/bulk",
        json.writeValueAsString(
            Map.of("template", name, "from", "+14155559001", "recipients", recipients)),
        id);

    JsonNode paused =
        json.readTree(request("POST", "/api/bulk/" + id + "/pause", null, null).body());
    assertThat(paused.get("state").asString()).isEqualTo("paused");
    JsonNode resumed =
        json.readTree(request("POST", "/api/bulk/" + id + "/resume", null, null).body());
    assertThat(resumed.get("state").asString()).isEqualTo("running");
    Thread.sleep(2_000);
    HttpResponse<String> cancel = request("POST", "/api/bulk/" + id + "/cancel", null, null);

    assertThat(cancel.statusCode()).as(cancel.body()).isEqualTo(202);
    JsonNode done = awaitBulkState(id, "cancelled");
    // The window (50) started all 20 at once; those still waiting for the sender's rate end
    // cancelled, the few already sent are delivered.
    int started = done.get("started").asInt();
    assertThat(done.get("delivered").asInt() + done.get("cancelled").asInt()).isEqualTo(started);
    assertThat(done.get("delivered").asInt()).isLessThan(20);
    assertThat(done.get("cancelled").asInt()).isPositive();
  }

  private HttpResponse<String> putTemplate(String name, String locale, String body, String sid)
      throws Exception {
    Map<String, Object> template =
        sid == null
            ? Map.of("body", body)
            : Map.of("body", body, "contentSid", sid, "contentVariables", List.of("order"));
    return request(
        "PUT", "/api/templates/" + name + "/" + locale, json.writeValueAsString(template), null);
  }

  private HttpResponse<String> send(String key, Map<String, Object> body) throws Exception {
    return request("POST", "/api/messages/send", json.writeValueAsString(body), key);
  }

  private HttpResponse<String> request(String method, String path, String body, String key)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
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

  private JsonNode awaitMessage(String key, String status) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      HttpResponse<String> response = request("GET", "/api/messages/" + key, null, null);
      if (response.statusCode() == 200) {
        JsonNode message = json.readTree(response.body());
        if (status.equals(message.get("status").asString())) {
          return message;
        }
      }
      assertThat(System.nanoTime())
          .as("message " + key + " not " + status + ": " + response.body())
          .isLessThan(deadline);
      Thread.sleep(100);
    }
  }

  private JsonNode awaitBulk(String id) throws Exception {
    return awaitBulkState(id, "completed");
  }

  private JsonNode awaitBulkState(String id, String state) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      HttpResponse<String> response = request("GET", "/api/bulk/" + id, null, null);
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      JsonNode progress = json.readTree(response.body());
      if (state.equals(progress.get("state").asString())) {
        return progress;
      }
      assertThat(System.nanoTime()).as("bulk " + id + ": " + progress).isLessThan(deadline);
      Thread.sleep(200);
    }
  }

  private List<String> handsetBodies(String number) throws Exception {
    return handsetMessages(number).valueStream().map(m -> m.get("body").asString()).toList();
  }

  private JsonNode handsetMessages(String number) throws Exception {
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
    return json.readTree(response.body());
  }

  /** When the simulator created each message from the sender to these handsets, in order. */
  private List<Instant> createdFrom(String from, Instant since, List<String> handsets)
      throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://localhost:"
                            + port
                            + "/simulator/api/messages/created?from="
                            + from.replace("+", "%2B")
                            + "&since="
                            + since))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    List<Instant> created = new ArrayList<>();
    for (JsonNode creation : json.readTree(response.body())) {
      if (handsets.contains(creation.get("to").asString())) {
        created.add(Instant.parse(creation.get("createdAt").asString()));
      }
    }
    return created;
  }

  private static String key() {
    return "it-" + UUID.randomUUID();
  }

  private static String handset() {
    return "+1415557" + String.format("%04d", (int) (Math.random() * 10_000));
  }
}

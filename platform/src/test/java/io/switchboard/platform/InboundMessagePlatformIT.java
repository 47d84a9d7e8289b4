package io.switchboard.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.switchboard.config.SwitchboardProperties;
import io.switchboard.messaging.InboundMessageOutcome;
import io.switchboard.messaging.MessageMediaRepository;
import io.switchboard.messaging.MessageMediaRow;
import io.switchboard.messaging.MessageWorkflowIds;
import io.switchboard.recording.media.MediaCipher;
import io.switchboard.recording.media.RecordingStore;
import io.switchboard.simulator.webhook.TwilioSignatures;
import io.temporal.api.enums.v1.EventType;
import io.temporal.client.WorkflowClient;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Inbound messages end to end over real HTTP: a handset sends an MMS through the simulator, whose
 * signed webhook reaches the ingress; the message's workflow fetches each medium from the
 * simulator's Twilio media URL, stores it encrypted, deletes Twilio's copy and posts the signed
 * message to an integration endpoint, a real HTTP server in this test that refuses the first two
 * attempts.
 */
@SpringBootTest(
    classes = PlatformApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "switchboard.embedded.enabled=true",
      "switchboard.embedded.persistent=false",
      "switchboard.embedded.temporal.port=0",
      "switchboard.embedded.temporal.ui-port=0",
      "switchboard.embedded.temporal.mode=in-memory",
      "switchboard.embedded.data-dir=target/it-data/inbound-messages",
      "switchboard.api-key=" + InboundMessagePlatformIT.API_KEY,
      "switchboard.messaging.inbound.forward-secret=" + InboundMessagePlatformIT.SECRET,
      "switchboard.inbox.hold=500ms",
      "switchboard.messaging.inbound.media-retention=30d",
      "switchboard.messaging.inbound.body-retention=3650d"
    })
@ActiveProfiles({"api", "worker", "simulator"})
class InboundMessagePlatformIT {

  static final String API_KEY = "sb_it_inbound_admin";
  static final String SECRET = "it-inbound-forwarding-secret";
  static final String OURS = "+15005550006";

  /**
   * The integration endpoint: refuses the first two attempts at each message whose text holds
   * {@link #FLAKY}, then takes them; takes every other message at once.
   */
  static final HttpServer ENDPOINT = endpoint();

  static final String FLAKY = "[endpoint fails twice]";
  static final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
  static final AtomicInteger foreignHostHits = new AtomicInteger();
  static final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

  record Delivery(String body, String signature, String idempotencyKey, int answered) {}

  @DynamicPropertySource
  static void endpointUrl(DynamicPropertyRegistry registry) {
    registry.add(
        "switchboard.messaging.inbound.forward-url",
        () -> "http://127.0.0.1:" + ENDPOINT.getAddress().getPort() + "/events");
  }

  @AfterAll
  static void stopEndpoint() {
    ENDPOINT.stop(0);
  }

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final JsonMapper json = JsonMapper.builder().build();
  private final SecureRandom random = new SecureRandom();

  @LocalServerPort int port;
  @Autowired SwitchboardProperties properties;
  @Autowired WorkflowClient workflows;
  @Autowired RecordingStore store;
  @Autowired MediaCipher cipher;
  @Autowired JdbcClient jdbc;
  @Autowired MessageMediaRepository mediaRows;
  @Autowired io.switchboard.messaging.MediaRetention retention;
  @Autowired io.switchboard.messaging.BodyRetention bodyRetention;

  @Test
  void mmsMediaIsStoredEncryptedAndTheMessageForwardedOnceAfterTheEndpointFailsTwice()
      throws Exception {
    byte[] picture = new byte[150 * 1024];
    random.nextBytes(picture);
    String text = "Photo of the damage " + FLAKY;

    String sid =
        inbound(
            text,
            List.of(),
            List.of(Map.of("contentType", "image/png", "content", base64(picture))));

    InboundMessageOutcome outcome = outcome(sid);
    assertThat(outcome)
        .isEqualTo(new InboundMessageOutcome(1, 0, 0, InboundMessageOutcome.Forwarding.DELIVERED));
    byte[] sealed = read(MessageMediaRow.ref(sid, 0));
    assertThat(sealed).as("stored as ciphertext").isNotEqualTo(picture).hasSizeGreaterThan(0);
    assertThat(indexOf(sealed, java.util.Arrays.copyOf(picture, 64)))
        .as("no plaintext run in the stored copy")
        .isEqualTo(-1);
    try (InputStream in =
        cipher.decrypt(store.open(MessageMediaRow.ref(sid, 0)), MessageMediaRow.context(sid, 0))) {
      assertThat(in.readAllBytes()).isEqualTo(picture);
    }
    HttpResponse<byte[]> served = apiBytes("/api/messages/" + sid + "/media/0");
    assertThat(served.statusCode()).isEqualTo(200);
    assertThat(served.headers().firstValue("Content-Type")).hasValue("image/png");
    assertThat(served.body()).isEqualTo(picture);
    assertThat(mediaRows.auditCount(sid, 0)).as("the access is audited").isEqualTo(1);

    List<Delivery> attempts = deliveriesOf(sid);
    assertThat(attempts).extracting(Delivery::answered).containsExactly(503, 503, 200);
    assertThat(attempts).extracting(Delivery::idempotencyKey).containsOnly(sid);
    assertThat(attempts).allSatisfy(d -> assertThat(signatureValid(d)).isTrue());
    JsonNode event = json.readTree(attempts.get(2).body());
    assertThat(event.get("type").asString()).isEqualTo("message.received");
    assertThat(event.get("body").asString()).isEqualTo(text);
    assertThat(event.get("to").asString()).isEqualTo(OURS);
    JsonNode medium = event.get("media").get(0);
    assertThat(medium.get("state").asString()).isEqualTo("stored");
    assertThat(medium.get("contentType").asString()).isEqualTo("image/png");
    assertThat(medium.get("sha256").asString()).isEqualTo(sha256(picture));
    assertThat(medium.get("url").asString()).isEqualTo("/api/messages/" + sid + "/media/0");
    Thread.sleep(1_500);
    assertThat(deliveriesOf(sid)).as("delivered once, never again").hasSize(3);

    JsonNode view = json.readTree(api("/api/messages/" + sid));
    JsonNode listed = view.get("media").get(0);
    assertThat(listed.get("state").asString()).isEqualTo("stored");
    assertThat(listed.get("sizeBytes").asLong()).isEqualTo(picture.length);
    assertThat(listed.get("twilioDeletedAt")).as("Twilio's copy deleted").isNotNull();
    String twilioUrl = sourceUrl(sid, 0);
    assertThat(twilioMediaStatus(twilioUrl)).isEqualTo(404);
  }

  @Test
  void storedMediaIsErasedOnRequestAuditedAndNeverServedAgain() throws Exception {
    String sid =
        inbound(
            "two pictures to forget",
            List.of(),
            List.of(
                Map.of("contentType", "image/png", "content", base64(new byte[2048])),
                Map.of("contentType", "image/jpeg", "content", base64(new byte[1024]))));
    assertThat(outcome(sid).stored()).isEqualTo(2);
    assertThat(store.exists(MessageMediaRow.ref(sid, 0))).isTrue();
    String reader =
        json.readTree(
                call(
                        "POST",
                        "/api/keys",
                        API_KEY,
                        "{\"name\":\"reader\",\"scopes\":[\"messages:read\"]}")
                    .body())
            .get("secret")
            .asString();

    int forbidden = call("DELETE", "/api/messages/" + sid + "/media", reader, null).statusCode();
    int erased = call("DELETE", "/api/messages/" + sid + "/media", API_KEY, null).statusCode();
    int again = call("DELETE", "/api/messages/" + sid + "/media", API_KEY, null).statusCode();
    int unknown = call("DELETE", "/api/messages/SMnope/media", API_KEY, null).statusCode();

    assertThat(forbidden).isEqualTo(403);
    assertThat(erased).isEqualTo(204);
    assertThat(again).as("erasing twice changes nothing").isEqualTo(204);
    assertThat(unknown).isEqualTo(404);
    for (int index : List.of(0, 1)) {
      assertThat(store.exists(MessageMediaRow.ref(sid, index))).as("copy " + index).isFalse();
      assertThat(mediaRows.auditCount(sid, index, "erase")).isEqualTo(1);
      HttpResponse<byte[]> served = apiBytes("/api/messages/" + sid + "/media/" + index);
      assertThat(served.statusCode()).isEqualTo(404);
      assertThat(new String(served.body(), StandardCharsets.UTF_8)).contains("erased");
    }
    JsonNode media = json.readTree(api("/api/messages/" + sid)).get("media");
    assertThat(retention.sweep()).as("nothing here is 30 days old").isZero();
    assertThat(media.get(0).get("state").asString()).isEqualTo("erased");
    assertThat(media.get(1).get("state").asString()).isEqualTo("erased");
    assertThat(media.get(0).get("contentType").asString()).isEqualTo("image/png");
  }

  @Test
  void theTextOfAMessagePastTheBodyRetentionIsClearedAndTheMessageStays() throws Exception {
    String sid = inbound("Please call me about my bill.", List.of(), List.of());
    assertThat(outcome(sid).forwarding()).isEqualTo(InboundMessageOutcome.Forwarding.DELIVERED);
    assertThat(json.readTree(api("/api/messages/" + sid)).get("body").asString())
        .isEqualTo("Please call me about my bill.");
    // Received eleven years ago, as far as the retention (ten years here) can tell.
    jdbc.sql("UPDATE messages SET created_at = now() - INTERVAL '11 years' WHERE id = :id")
        .param("id", sid)
        .update();

    assertThat(bodyRetention.sweep()).isPositive();

    JsonNode message = json.readTree(api("/api/messages/" + sid));
    assertThat(message.path("body").isMissingNode() || message.get("body").isNull()).isTrue();
    assertThat(message.get("bodyErasedAt").asString()).isNotBlank();
    assertThat(message.get("status").asString()).isEqualTo("received");
    assertThat(bodyRetention.sweep()).as("cleared once").isZero();
  }

  @Test
  void mediaOffTwilioHostsIsRefusedAndRecordedWithoutAnyRequest() throws Exception {
    String foreign = "http://127.0.0.1:" + ENDPOINT.getAddress().getPort() + "/steal.jpg";
    String otherAccount =
        "https://api.twilio.com/2010-04-01/Accounts/AC"
            + "0".repeat(32)
            + "/Messages/MM"
            + "0".repeat(32)
            + "/Media/ME"
            + "0".repeat(32);

    String sid =
        inbound(
            "two bad links and a good one",
            List.of(foreign, otherAccount),
            List.of(Map.of("contentType", "image/jpeg")));

    InboundMessageOutcome outcome = outcome(sid);
    assertThat(outcome)
        .isEqualTo(new InboundMessageOutcome(1, 2, 0, InboundMessageOutcome.Forwarding.DELIVERED));
    assertThat(foreignHostHits).as("nothing was fetched from the foreign host").hasValue(0);
    JsonNode media = json.readTree(api("/api/messages/" + sid)).get("media");
    assertThat(media.get(0).get("state").asString()).isEqualTo("refused");
    assertThat(media.get(0).get("reason").asString()).contains("not on Twilio's media host");
    assertThat(media.get(1).get("state").asString()).isEqualTo("refused");
    assertThat(media.get(1).get("reason").asString()).contains("not this message's media");
    assertThat(media.get(2).get("state").asString()).isEqualTo("stored");
    assertThat(store.exists(MessageMediaRow.ref(sid, 0))).isFalse();
    HttpResponse<byte[]> refused = apiBytes("/api/messages/" + sid + "/media/0");
    assertThat(refused.statusCode()).isEqualTo(404);
    assertThat(mediaRows.auditCount(sid, 0)).as("nothing served, nothing audited").isZero();
    assertThat(refused.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    JsonNode event = json.readTree(deliveriesOf(sid).get(0).body());
    assertThat(event.get("media").get(0).get("state").asString()).isEqualTo("refused");
    assertThat(event.get("media").get(0).has("url")).isFalse();
  }

  @Test
  void duplicateWebhookStartsOneWorkflowAndForwardsOnce() throws Exception {
    String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
    Map<String, String> params = new LinkedHashMap<>();
    params.put("MessageSid", sid);
    params.put("SmsSid", sid);
    params.put("AccountSid", properties.twilio().accountSid());
    params.put("From", "+14155550" + (100 + random.nextInt(800)));
    params.put("To", OURS);
    params.put("Body", "Is the shop open?");
    params.put("NumMedia", "0");

    HttpResponse<String> first = postSms(params, "token-1");
    String runId = awaitRun(sid);
    outcome(sid);
    // Twilio's retry carries its token again; a replay by an operator goes round the inbox's
    // dedupe: both must find the workflow already there.
    HttpResponse<String> retried = postSms(params, "token-1");
    HttpResponse<String> other = postSms(params, "token-2");
    awaitDispatched(sid, 2);

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(retried.body()).isEqualTo(first.body());
    assertThat(other.statusCode()).isEqualTo(200);
    String workflowId = MessageWorkflowIds.inboundMessage(sid);
    assertThat(workflows.newUntypedWorkflowStub(workflowId).describe().getExecution().getRunId())
        .isEqualTo(runId);
    long starts =
        workflows.fetchHistory(workflowId).getEvents().stream()
            .filter(e -> e.getEventType() == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED)
            .count();
    assertThat(starts).isEqualTo(1);
    assertThat(deliveriesOf(sid)).extracting(Delivery::answered).containsExactly(200);
  }

  private String inbound(String body, List<String> mediaUrls, List<Map<String, String>> media)
      throws Exception {
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("from", "+14155550" + (100 + random.nextInt(800)));
    request.put("to", OURS);
    request.put("body", body);
    request.put("mediaUrls", mediaUrls);
    request.put("media", media);
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(local("/simulator/api/messages/inbound")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(request)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode result = json.readTree(response.body());
    assertThat(result.has("errorCode") && !result.get("errorCode").isNull())
        .as(response.body())
        .isFalse();
    return result.get("messageSid").asString();
  }

  private HttpResponse<String> postSms(Map<String, String> params, String token) throws Exception {
    String form =
        params.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return http.send(
        HttpRequest.newBuilder(URI.create(local("/webhooks/sms")))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("I-Twilio-Idempotency-Token", token)
            .header(
                "X-Twilio-Signature",
                TwilioSignatures.sign(
                    properties.twilio().authToken(), local("/webhooks/sms"), params))
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private InboundMessageOutcome outcome(String sid) throws Exception {
    awaitRun(sid);
    return workflows
        .newUntypedWorkflowStub(MessageWorkflowIds.inboundMessage(sid))
        .getResult(60, TimeUnit.SECONDS, InboundMessageOutcome.class);
  }

  /** The relay may start the workflow a moment after the webhook is answered. */
  private String awaitRun(String sid) {
    return await(
        () -> {
          try {
            return workflows
                .newUntypedWorkflowStub(MessageWorkflowIds.inboundMessage(sid))
                .describe()
                .getExecution()
                .getRunId();
          } catch (RuntimeException e) {
            return null;
          }
        },
        "the workflow of " + sid);
  }

  private void awaitDispatched(String sid, int count) {
    await(
        () ->
            jdbc.sql(
                            "SELECT count(*) FROM webhook_events WHERE message_sid = :sid"
                                + " AND dispatch_state = 'DISPATCHED'")
                        .param("sid", sid)
                        .query(Long.class)
                        .single()
                    >= count
                ? "yes"
                : null,
        count + " dispatched webhooks of " + sid);
  }

  private List<Delivery> deliveriesOf(String sid) {
    await(
        () ->
            deliveries.stream().anyMatch(d -> d.body().contains(sid) && d.answered() == 200)
                ? "yes"
                : null,
        "a delivery of " + sid);
    return deliveries.stream().filter(d -> d.body().contains(sid)).toList();
  }

  private static <T> T await(Supplier<T> read, String what) {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      T value = read.get();
      if (value != null) {
        return value;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw new AssertionError("never saw " + what);
  }

  /** Checks the signature as a receiver would, with nothing of Switchboard's code. */
  static boolean signatureValid(Delivery delivery) {
    Map<String, String> parts =
        java.util.Arrays.stream(delivery.signature().split(","))
            .map(part -> part.split("=", 2))
            .collect(Collectors.toMap(p -> p[0], p -> p[1]));
    long t = Long.parseLong(parts.get("t"));
    if (Math.abs(Instant.now().getEpochSecond() - t) > 300) {
      return false;
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] expected = mac.doFinal((t + "." + delivery.body()).getBytes(StandardCharsets.UTF_8));
      return MessageDigest.isEqual(expected, HexFormat.of().parseHex(parts.get("v1")));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private String sourceUrl(String sid, int index) {
    return jdbc.sql(
            "SELECT source_url FROM message_media WHERE message_id = :id AND media_index = :i")
        .param("id", sid)
        .param("i", index)
        .query(String.class)
        .single();
  }

  private int twilioMediaStatus(String twilioUrl) throws Exception {
    String basic = properties.twilio().accountSid() + ":" + properties.twilio().authToken();
    return http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        local(
                            "/simulator/twilio"
                                + twilioUrl.substring("https://api.twilio.com".length()))))
                .header(
                    "Authorization",
                    "Basic "
                        + Base64.getEncoder()
                            .encodeToString(basic.getBytes(StandardCharsets.UTF_8)))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private String api(String path) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(local(path)))
                .header("Authorization", "Bearer " + API_KEY)
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }

  private HttpResponse<String> call(String method, String path, String key, String body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(local(path))).header("Authorization", "Bearer " + key);
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    return http.send(
        request
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<byte[]> apiBytes(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(local(path)))
            .header("Authorization", "Bearer " + API_KEY)
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  private byte[] read(String ref) throws IOException {
    try (InputStream in = store.open(ref)) {
      return in.readAllBytes();
    }
  }

  private String local(String path) {
    return "http://localhost:" + port + path;
  }

  private static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  private static String sha256(byte[] bytes) throws GeneralSecurityException {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static HttpServer endpoint() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext(
          "/events",
          exchange -> {
            String body =
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            int attempt =
                attempts
                    .computeIfAbsent(String.valueOf(key), k -> new AtomicInteger())
                    .incrementAndGet();
            int status = body.contains(FLAKY) && attempt <= 2 ? 503 : 200;
            deliveries.add(
                new Delivery(
                    body,
                    exchange.getRequestHeaders().getFirst("Switchboard-Signature"),
                    key,
                    status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
          });
      server.createContext(
          "/steal.jpg",
          exchange -> {
            foreignHostHits.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
          });
      server.start();
      return server;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}

package io.switchboard.platform;

import io.switchboard.simulator.webhook.TwilioSignatures;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the fault matrix does to the platform over HTTP, as Twilio and an API client would: signed
 * webhooks (over the local URL, as the simulator signs them), message sends, reads of the records,
 * the simulator's handsets and fault controls.
 */
final class FaultMatrixClient {

  private static final AtomicInteger NUMBERS = new AtomicInteger();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final JsonMapper json = JsonMapper.builder().build();
  private final String base;
  private final String accountSid;
  private final String authToken;
  private final String apiKey;

  FaultMatrixClient(int port, String accountSid, String authToken, String apiKey) {
    this.base = "http://localhost:" + port;
    this.accountSid = accountSid;
    this.authToken = authToken;
    this.apiKey = apiKey;
  }

  /** A fresh handset number per message, so that the handset's inbox counts one message's sends. */
  static String handset() {
    return "+1415" + String.format("%07d", 5_000_000 + NUMBERS.incrementAndGet());
  }

  static String callSid() {
    return "CA" + UUID.randomUUID().toString().replace("-", "");
  }

  HttpResponse<String> webhook(String path, Map<String, String> params, String token)
      throws java.io.IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(15))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("X-Twilio-Signature", TwilioSignatures.sign(authToken, base + path, params))
            .POST(HttpRequest.BodyPublishers.ofString(form(params)));
    if (token != null) {
      request.header("I-Twilio-Idempotency-Token", token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  Map<String, String> voiceParams(String callSid) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("CallSid", callSid);
    params.put("AccountSid", accountSid);
    params.put("From", handset());
    params.put("To", "+15559870002");
    params.put("CallStatus", "ringing");
    params.put("Direction", "inbound");
    params.put("ApiVersion", "2010-04-01");
    return params;
  }

  Map<String, String> statusParams(String callSid, String status, int sequence) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("CallSid", callSid);
    params.put("AccountSid", accountSid);
    params.put("CallStatus", status);
    params.put("SequenceNumber", String.valueOf(sequence));
    params.put("CallDuration", "7");
    return params;
  }

  HttpResponse<String> sendMessage(String key, String to) throws Exception {
    return post(
        "/api/messages/send", key, Map.of("to", to, "from", "+15005550006", "body", "Fault drill"));
  }

  HttpResponse<String> initiateCall(String key, String from, String to) throws Exception {
    return post(
        "/api/calls/initiate",
        key,
        Map.of("to", to, "from", from, "twiml", "<Response><Say>Fault drill</Say></Response>"));
  }

  /** A REST request as an API client makes it: the key, an Idempotency-Key, a JSON body. */
  private HttpResponse<String> post(String path, String key, Map<String, String> body)
      throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(15))
            .header("Authorization", "Bearer " + apiKey)
            .header("Idempotency-Key", key)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The numbers Twilio (the simulator) placed calls to from this caller ID, once per call. */
  List<String> callsPlacedFrom(String from) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        base + "/simulator/api/calls/created?from=" + from.replace("+", "%2B")))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    List<String> to = new ArrayList<>();
    json.readTree(response.body()).valueStream().forEach(call -> to.add(call.get("to").asString()));
    return to;
  }

  /** The record, or null when there is none (yet). */
  JsonNode read(String path) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + apiKey)
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return response.statusCode() == 200 ? json.readTree(response.body()) : null;
  }

  /** The record, or null when there is none or the platform does not answer (yet). */
  JsonNode readQuietly(String path) throws Exception {
    try {
      return read(path);
    } catch (java.io.IOException e) {
      return null;
    }
  }

  int handsetMessages(String number) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        base
                            + "/simulator/api/handsets/"
                            + number.replace("+", "%2B")
                            + "/messages"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return json.readTree(response.body()).size();
  }

  void fault(Map<String, Object> rule) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/simulator/api/faults"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(rule)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 201) {
      throw new IllegalStateException("fault not accepted: " + response.body());
    }
  }

  /** The statuses a record went through, oldest first. */
  static List<String> statuses(JsonNode record) {
    List<String> statuses = new ArrayList<>();
    record
        .get("events")
        .valueStream()
        .forEach(event -> statuses.add(event.get("status").asString()));
    return statuses;
  }

  private static String form(Map<String, String> params) {
    return params.entrySet().stream()
        .map(
            entry ->
                URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}

package io.switchboard.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.simulator.webhook.TwilioSignatures;
import io.switchboard.voice.CallSessionWorkflow;
import io.switchboard.voice.CallWorkflowIds;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowStub;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The thin slice through every layer, over real HTTP: a Twilio-signed voice webhook starts the
 * call's workflow, which answers TwiML and records the call in PostgreSQL, served by the REST API;
 * the inbox, keys, health and errors around it. Subclasses choose the Temporal server.
 */
abstract class PlatformSliceIT extends PlatformTestSupport {

  @Test
  void signedVoiceWebhookIsAnsweredWithTheWorkflowsTwimlAndTheCallIsRecorded() throws Exception {
    String callSid = newCallSid();

    HttpResponse<String> answer = postVoice(callSid, this::sign);

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/xml"));
    assertThat(answer.body())
        .startsWith("<?xml")
        .contains("<Response><Say>Welcome to Switchboard.</Say><Gather")
        .contains("action=\"voice/main\"");
    String call = awaitRecordedCall(callSid);
    assertThat(call)
        .contains("\"callSid\":\"" + callSid + "\"")
        .contains("\"status\":\"in-progress\"")
        .contains("\"from\":\"+15551230001\"")
        .contains("\"direction\":\"inbound\"");
  }

  @Test
  void aSipCallerWithALongUriIsRecordedAndAnOverlongCallerIsRefusedUnstored() throws Exception {
    String sipCall = newCallSid();
    String sipCaller = "sip:" + "reception-desk".repeat(5) + "@switchboard-prod.sip.us1.twilio.com";

    assertThat(post("/webhooks/voice", voiceParams(sipCall, sipCaller), null).statusCode())
        .isEqualTo(200);
    assertThat(awaitRecordedCall(sipCall)).contains("\"from\":\"" + sipCaller + "\"");

    String overlongCall = newCallSid();
    HttpResponse<String> refused =
        post("/webhooks/voice", voiceParams(overlongCall, "sip:" + "x".repeat(300)), null);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("From may be at most 256 characters");
    assertThat(getCall(overlongCall).statusCode()).isEqualTo(404);
    WorkflowStub stub =
        workflows.newUntypedWorkflowStub(
            CallWorkflowIds.call(overlongCall),
            java.util.Optional.empty(),
            java.util.Optional.empty());
    assertThatThrownBy(stub::describe).isInstanceOf(WorkflowNotFoundException.class);
  }

  @Test
  void forgedVoiceWebhookIsRefusedAndStartsNothing() throws Exception {
    String callSid = newCallSid();

    HttpResponse<String> answer =
        postVoice(callSid, params -> TwilioSignatures.sign("not-our-token", voiceUrl(), params));

    assertThat(answer.statusCode()).isEqualTo(403);
    assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    WorkflowStub stub =
        workflows.newUntypedWorkflowStub(
            CallWorkflowIds.call(callSid), java.util.Optional.empty(), java.util.Optional.empty());
    assertThatThrownBy(stub::describe).isInstanceOf(WorkflowNotFoundException.class);
    assertThat(getCall(callSid).statusCode()).isEqualTo(404);
  }

  @Test
  void restApiRefusesRequestsWithoutAnApiKey() throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(local("/api/calls/CA0"))).GET().build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
    assertThat(response.body()).contains("\"status\":401");
  }

  @Test
  void sessionStateIsQueryableWhileTheCallIsLive() throws Exception {
    String callSid = newCallSid();
    postVoice(callSid, this::sign);

    CallSessionWorkflow session =
        workflows.newWorkflowStub(CallSessionWorkflow.class, CallWorkflowIds.call(callSid));

    assertThat(session.getState().turns()).isEqualTo(1);
    assertThat(session.getState().status()).isEqualTo("in-progress");
  }

  @Test
  void adminMakesScopedKeysThatAreEnforcedAndRevocable() throws Exception {
    HttpResponse<String> created =
        send("POST", "/api/keys", API_KEY, "{\"name\":\"reporting\",\"scopes\":[\"calls:read\"]}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String id = jsonField(created.body(), "id");
    String secret = jsonField(created.body(), "secret");

    assertThat(send("GET", "/api/calls/CA0", secret, null).statusCode()).isEqualTo(404);
    HttpResponse<String> adminOnly = send("GET", "/api/keys", secret, null);
    assertThat(adminOnly.statusCode()).isEqualTo(403);
    assertThat(adminOnly.body()).contains("insufficient-scope");

    assertThat(send("DELETE", "/api/keys/" + id, API_KEY, null).statusCode()).isEqualTo(204);
    assertThat(send("GET", "/api/calls/CA0", secret, null).statusCode()).isEqualTo(401);
  }

  @Test
  void unknownScopeAndInvalidBodiesAreProblemDocuments() throws Exception {
    HttpResponse<String> unknownScope =
        send("POST", "/api/keys", API_KEY, "{\"name\":\"x\",\"scopes\":[\"root\"]}");
    assertThat(unknownScope.statusCode()).isEqualTo(400);
    assertThat(unknownScope.headers().firstValue("Content-Type"))
        .hasValue("application/problem+json");

    HttpResponse<String> missingName =
        send("POST", "/api/keys", API_KEY, "{\"scopes\":[\"calls:read\"]}");
    assertThat(missingName.statusCode()).isEqualTo(400);
    assertThat(missingName.body()).contains("\"status\":400").doesNotContain("Exception");

    // Found by schemathesis: a NUL byte reached PostgreSQL, and a stray multipart header on a GET
    // failed in the multipart parser; both were 500s.
    HttpResponse<String> nul = send("GET", "/api/webhook-events?sid=CA%00", API_KEY, null);
    assertThat(nul.statusCode()).isEqualTo(400);
    assertThat(nul.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    HttpResponse<String> multipart =
        http.send(
            HttpRequest.newBuilder(URI.create(local("/api/keys")))
                .header("Authorization", "Bearer " + API_KEY)
                .header("Content-Type", "multipart/form-data")
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(multipart.statusCode()).isLessThan(500);

    HttpResponse<String> notJson = send("POST", "/api/keys", API_KEY, "{not json");
    assertThat(notJson.statusCode()).isEqualTo(400);
    assertThat(notJson.body()).doesNotContain("at io.").doesNotContain("Exception");
  }

  @Test
  void healthReportsDatabaseAndTemporal() throws Exception {
    HttpResponse<String> health = send("GET", "/actuator/health", API_KEY, null);

    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"db\"").contains("\"temporal\"");
  }

  @Test
  void redeliveredVoiceWebhookGetsTheSameTwimlAndNoSecondTurn() throws Exception {
    String callSid = newCallSid();
    Map<String, String> params = voiceParams(callSid, uniqueNumber());

    HttpResponse<String> first = post("/webhooks/voice", params, "token-" + callSid);
    HttpResponse<String> again = post("/webhooks/voice", params, "token-" + callSid);

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(again.body()).isEqualTo(first.body());
    CallSessionWorkflow session =
        workflows.newWorkflowStub(CallSessionWorkflow.class, CallWorkflowIds.call(callSid));
    assertThat(session.getState().turns()).isEqualTo(1);
    HttpResponse<String> events = send("GET", "/api/webhook-events?sid=" + callSid, API_KEY, null);
    assertThat(events.body()).containsOnlyOnce("\"dedupeKey\"");
  }

  @Test
  void finalStatusCallbackEndsTheSessionAndIsRecorded() throws Exception {
    String callSid = newCallSid();
    post("/webhooks/voice", voiceParams(callSid, uniqueNumber()), null);

    HttpResponse<String> ack =
        post("/webhooks/status", statusParams(callSid, "completed", 5), null);

    assertThat(ack.statusCode()).isEqualTo(200);
    assertThat(ack.body()).contains("<Response/>");
    awaitCallStatus(callSid, "completed");
    assertThat(getCall(callSid).body()).contains("\"endedAt\"");
  }

  @Test
  void statusForAnUnknownCallIsKeptAsOrphanedAndCanBeReplayed() throws Exception {
    String callSid = newCallSid();

    assertThat(post("/webhooks/status", statusParams(callSid, "completed", 1), null).statusCode())
        .isEqualTo(200);
    awaitEventState(callSid, "ORPHANED");

    HttpResponse<String> replay =
        send("POST", "/api/webhook-events/replay", API_KEY, "{\"sid\":\"" + callSid + "\"}");
    assertThat(replay.statusCode()).as(replay.body()).isEqualTo(200);
    assertThat(replay.body()).contains("\"requeued\":1");
    awaitEventState(callSid, "ORPHANED");
  }

  @Test
  void voiceWebhookWithoutCallSidIsABadRequest() throws Exception {
    Map<String, String> params = voiceParams("x", uniqueNumber());
    params.remove("CallSid");

    assertThat(post("/webhooks/voice", params, null).statusCode()).isEqualTo(400);
  }

  @Test
  void callerOverTheirRateIsRejectedWithoutAnswering() throws Exception {
    String caller = uniqueNumber();
    for (int call = 0; call < 10; call++) {
      assertThat(post("/webhooks/voice", voiceParams(newCallSid(), caller), null).body())
          .contains("<Say>");
    }

    HttpResponse<String> limited = post("/webhooks/voice", voiceParams(newCallSid(), caller), null);

    assertThat(limited.statusCode()).isEqualTo(200);
    assertThat(limited.body()).contains("<Reject reason=\"busy\"/>");
  }

  @Test
  void codecEndpointEncryptsAndDecodesForTheTemporalUi() throws Exception {
    String plain =
        "{\"payloads\":[{\"metadata\":{\"encoding\":\"anNvbi9wbGFpbg==\"},"
            + "\"data\":\"IisxNTU1MTIzMDAwMSI=\"}]}";

    HttpResponse<String> encoded = codec("/codec/encode", plain, API_KEY, UI_ORIGIN);
    assertThat(encoded.statusCode()).as(encoded.body()).isEqualTo(200);
    assertThat(encoded.headers().firstValue("Access-Control-Allow-Origin")).hasValue(UI_ORIGIN);
    assertThat(encoded.body()).contains("YmluYXJ5L2VuY3J5cHRlZA").doesNotContain("IisxNTU1");

    HttpResponse<String> decoded = codec("/codec/decode", encoded.body(), API_KEY, UI_ORIGIN);
    assertThat(decoded.statusCode()).isEqualTo(200);
    assertThat(decoded.body()).contains("IisxNTU1MTIzMDAwMSI=");
  }

  @Test
  void codecEndpointRefusesUnauthenticatedCallsAndForeignOrigins() throws Exception {
    String empty = "{\"payloads\":[]}";
    assertThat(codec("/codec/decode", empty, null, UI_ORIGIN).statusCode()).isEqualTo(401);
    assertThat(codec("/codec/decode", empty, null, null).statusCode()).isEqualTo(401);
    assertThat(codec("/codec/decode", empty, API_KEY, "https://evil.example").statusCode())
        .isEqualTo(403);
    HttpResponse<String> wrongNamespace =
        http.send(
            codecRequest("/codec/decode", empty, API_KEY, UI_ORIGIN)
                .header("X-Namespace", "someone-else")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(wrongNamespace.statusCode()).isEqualTo(400);

    HttpResponse<String> preflight = preflight(UI_ORIGIN);
    assertThat(preflight.statusCode()).isEqualTo(200);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue(UI_ORIGIN);
    assertThat(preflight("https://evil.example").statusCode()).isEqualTo(403);
  }

  @Test
  void inboundStopIsAnsweredRecordedOnceAndBlocksLaterSends() throws Exception {
    String handset = "+1415555" + String.format("%04d", (int) (Math.random() * 10_000));
    Map<String, String> params = new java.util.LinkedHashMap<>();
    params.put("MessageSid", "SM" + newCallSid().substring(2));
    params.put("AccountSid", properties.twilio().accountSid());
    params.put("From", handset);
    params.put("To", "+15005550006");
    params.put("Body", "stop");
    params.put("NumMedia", "0");

    HttpResponse<String> reply = post("/webhooks/sms", params, "sms-" + handset);
    HttpResponse<String> redelivered = post("/webhooks/sms", params, "sms-" + handset);

    assertThat(reply.statusCode()).isEqualTo(200);
    assertThat(reply.body()).contains("<Message>");
    assertThat(redelivered.body()).isEqualTo(reply.body());
    String key = "after-stop-" + handset.substring(1);
    HttpResponse<String> accepted =
        http.send(
            HttpRequest.newBuilder(URI.create(local("/api/messages/send")))
                .header("Authorization", "Bearer " + API_KEY)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"to\":\"" + handset + "\",\"from\":\"+15005550006\",\"body\":\"hi\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    String message = "";
    while (System.nanoTime() < deadline && !message.contains("\"failed\"")) {
      Thread.sleep(100);
      message = send("GET", "/api/messages/" + key, API_KEY, null).body();
    }
    assertThat(message).contains("\"status\":\"failed\"").contains("21610");
  }
}

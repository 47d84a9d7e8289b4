package io.switchboard.simulator.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.simulator.SimulatorApplication;
import io.switchboard.simulator.twiml.FakeTwilioApp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

@SpringBootTest(
    classes = SimulatorApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "switchboard.twilio.account-sid=" + InboundApiTest.ACCOUNT_SID,
      "switchboard.twilio.auth-token=" + InboundApiTest.AUTH_TOKEN
    })
class InboundApiTest {

  static final String ACCOUNT_SID = "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
  static final String AUTH_TOKEN = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  FakeTwilioApp app;

  @BeforeEach
  void startApp() throws Exception {
    app = new FakeTwilioApp(AUTH_TOKEN);
  }

  @AfterEach
  void stopApp() {
    app.close();
  }

  private HttpResponse<String> post(String path, String json) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void inboundCallReturnsTheWholeTranscript() throws Exception {
    app.twiml("/voice", "<Gather numDigits=\"1\" action=\"/menu\"><Say>Press 1</Say></Gather>")
        .twiml("/menu", "<Say>You chose sales</Say><Hangup/>");

    HttpResponse<String> response =
        post(
            "/simulator/api/calls/inbound",
            """
            {"from":"+14155550100","to":"+15551230000","url":"%s","inputs":["1"]}
            """
                .formatted(app.url("/voice")));

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode transcript = JSON.readTree(response.body());
    assertThat(transcript.get("endStatus").asText()).isEqualTo("completed");
    assertThat(transcript.get("callSid").asText()).startsWith("CA");
    assertThat(response.body()).contains("Press 1").contains("You chose sales");
    assertThat(transcript.get("entries").get(0).get("parameters").get("AccountSid").asText())
        .isEqualTo(ACCOUNT_SID);
    assertThat(app.last("/menu").signatureValid()).isTrue();
    assertThat(app.last("/menu").params()).containsEntry("Digits", "1");
  }

  @Test
  void inboundCallWithoutUrlGoesToTheDefaultVoiceWebhookOnThisServer() throws Exception {
    HttpResponse<String> response =
        post("/simulator/api/calls/inbound", "{\"from\":\"+14155550100\",\"to\":\"+15551230000\"}");

    JsonNode transcript = JSON.readTree(response.body());
    assertThat(transcript.get("entries").get(0).get("url").asText())
        .isEqualTo("http://localhost:" + port + "/webhooks/voice");
    // The simulator alone has no /webhooks/voice: Twilio's 11200.
    assertThat(transcript.get("errorCode").asInt()).isEqualTo(11200);
  }

  @Test
  void inboundCallThatOutlastsItsTimeoutAnswers504WithWhatHappenedSoFar() throws Exception {
    app.route(
        "/slow",
        params -> {
          try {
            Thread.sleep(3_000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return FakeTwilioApp.Answer.twiml(FakeTwilioApp.response("<Say>late</Say>"));
        });

    HttpResponse<String> response =
        post(
            "/simulator/api/calls/inbound",
            """
            {"from":"+14155550100","to":"+15551230000","url":"%s","timeoutSeconds":1}
            """
                .formatted(app.url("/slow")));

    assertThat(response.statusCode()).isEqualTo(504);
    assertThat(JSON.readTree(response.body()).get("endStatus").asText()).isEqualTo("in-progress");
  }

  @Test
  void inboundSmsReturnsTheRepliesTheAppGave() throws Exception {
    app.twiml(
        "/sms",
        "<Message>Thanks for writing</Message><Message><Body>Second</Body>"
            + "<Media>https://x.test/a.png</Media></Message>");

    HttpResponse<String> response =
        post(
            "/simulator/api/messages/inbound",
            """
            {"from":"+14155550100","to":"+15551230000","body":"STOP","url":"%s",
             "mediaUrls":["https://x.test/cat.jpg"]}
            """
                .formatted(app.url("/sms")));

    JsonNode result = JSON.readTree(response.body());
    assertThat(result.get("messageSid").asText()).startsWith("MM");
    assertThat(result.get("replies").get(0).get("body").asText()).isEqualTo("Thanks for writing");
    assertThat(result.get("replies").get(1).get("mediaUrls").get(0).asText())
        .isEqualTo("https://x.test/a.png");
    FakeTwilioApp.Received request = app.last("/sms");
    assertThat(request.signatureValid()).isTrue();
    assertThat(request.params())
        .containsEntry("Body", "STOP")
        .containsEntry("NumMedia", "1")
        .containsEntry("MediaUrl0", "https://x.test/cat.jpg")
        .containsEntry("MediaContentType0", "image/jpeg")
        .containsEntry("AccountSid", ACCOUNT_SID)
        .containsEntry("SmsStatus", "received")
        .containsKey("MessageSid");
  }

  @Test
  void inboundWhatsAppCarriesWaIdAndProfileNameAndFollowsRedirect() throws Exception {
    app.twiml("/wa", "<Redirect>/wa/next</Redirect>").twiml("/wa/next", "<Message>Hola</Message>");

    HttpResponse<String> response =
        post(
            "/simulator/api/messages/inbound",
            """
            {"from":"whatsapp:+14155550100","to":"whatsapp:+15551230000","body":"hi",
             "profileName":"Ana","url":"%s"}
            """
                .formatted(app.url("/wa")));

    assertThat(JSON.readTree(response.body()).get("replies").get(0).get("body").asText())
        .isEqualTo("Hola");
    assertThat(app.last("/wa").params())
        .containsEntry("WaId", "14155550100")
        .containsEntry("ProfileName", "Ana")
        .containsEntry("From", "whatsapp:+14155550100");
  }

  @Test
  void inboundSmsToAFailingAppReports11200() throws Exception {
    app.route("/sms", params -> new FakeTwilioApp.Answer(500, "text/plain", "boom"));

    HttpResponse<String> response =
        post(
            "/simulator/api/messages/inbound",
            """
            {"from":"+14155550100","to":"+15551230000","body":"hi","url":"%s"}
            """
                .formatted(app.url("/sms")));

    assertThat(JSON.readTree(response.body()).get("errorCode").asInt()).isEqualTo(11200);
  }
}

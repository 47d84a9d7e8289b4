package io.switchboard.bench;

import io.switchboard.simulator.webhook.SignedWebhookClient;
import io.switchboard.simulator.webhook.TwilioSignatures;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** One kind of request the bench sends; each call makes a new, independent request. */
enum Scenario {
  /** A GET on the simulator's status endpoint: same server, no database, no Temporal. */
  BARE {
    @Override
    HttpRequest request(Target target, long sequence) {
      return HttpRequest.newBuilder(URI.create(target.base() + "/simulator/api/status"))
          .timeout(TIMEOUT)
          .GET()
          .build();
    }
  },
  /** A call status callback for a call nobody knows: signature, inbox commit, 200. */
  ASYNC {
    @Override
    HttpRequest request(Target target, long sequence) {
      Map<String, String> params = new LinkedHashMap<>();
      params.put("AccountSid", target.accountSid());
      params.put("CallSid", "CA" + uuid());
      params.put("CallStatus", "completed");
      params.put("SequenceNumber", "1");
      params.put("CallDuration", "12");
      return signed(target, "/webhooks/status", params);
    }
  },
  /** A new inbound call: signature, inbox, update-with-start, TwiML from the workflow. */
  VOICE {
    @Override
    HttpRequest request(Target target, long sequence) {
      Map<String, String> params = new LinkedHashMap<>();
      params.put("AccountSid", target.accountSid());
      params.put("CallSid", "CA" + uuid());
      // A caller per request, so that the per-number rate limit measures nothing here.
      params.put("From", String.format("+1555%07d", sequence % 10_000_000));
      params.put("To", "+15005550006");
      params.put("CallStatus", "ringing");
      params.put("Direction", "inbound");
      params.put("ApiVersion", "2010-04-01");
      return signed(target, "/webhooks/voice", params);
    }
  },
  /**
   * An outbound SMS through the REST API: validation, the messages row, a workflow start, 202. Each
   * goes to a new handset from one of 100 senders, so that senders' rate gates (which hold the
   * sends, not their acceptance) are spread as in production. Uses the run's admin API key.
   */
  SEND {
    @Override
    HttpRequest request(Target target, long sequence) {
      String body =
          String.format(
              "{\"to\":\"+1415%07d\",\"from\":\"+1888555%04d\",\"body\":\"Bench %d\"}",
              sequence % 10_000_000, sequence % 100, sequence);
      return HttpRequest.newBuilder(URI.create(target.base() + "/api/messages/send"))
          .timeout(TIMEOUT)
          .header("Content-Type", "application/json")
          .header("Authorization", "Bearer " + target.apiKey())
          .header("Idempotency-Key", "bench-" + uuid())
          .POST(HttpRequest.BodyPublishers.ofString(body))
          .build();
    }
  },
  /**
   * {@code POST /api/calls/initiate} with a new key each time: validation, the row, the workflow
   * start; 202. The calls themselves then wait their turn at the account's CPS.
   */
  INITIATE {
    @Override
    HttpRequest request(Target target, long sequence) {
      String body =
          String.format(
              "{\"to\":\"+1555%07d\",\"from\":\"+15005550006\","
                  + "\"twiml\":\"<Response><Say>Bench</Say></Response>\"}",
              sequence % 10_000_000);
      return HttpRequest.newBuilder(URI.create(target.base() + "/api/calls/initiate"))
          .timeout(TIMEOUT)
          .header("Authorization", "Bearer " + target.apiKey())
          .header("Content-Type", "application/json")
          .header("Idempotency-Key", "bench-" + uuid())
          .POST(HttpRequest.BodyPublishers.ofString(body))
          .build();
    }
  };

  static final Duration TIMEOUT = Duration.ofSeconds(15);

  abstract HttpRequest request(Target target, long sequence);

  static HttpRequest signed(Target target, String path, Map<String, String> params) {
    String signature = TwilioSignatures.sign(target.authToken(), target.publicUrl() + path, params);
    return HttpRequest.newBuilder(URI.create(target.base() + path))
        .timeout(TIMEOUT)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-Twilio-Signature", signature)
        .header("I-Twilio-Idempotency-Token", uuid())
        .POST(HttpRequest.BodyPublishers.ofString(SignedWebhookClient.formEncode(params)))
        .build();
  }

  private static String uuid() {
    return UUID.randomUUID().toString().replace("-", "");
  }

  /** Where to send, the account to sign as, and the API key for REST scenarios. */
  record Target(
      String base, String publicUrl, String accountSid, String authToken, String apiKey) {}
}

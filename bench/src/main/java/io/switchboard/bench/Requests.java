package io.switchboard.bench;

import io.switchboard.simulator.webhook.SignedWebhookClient;
import io.switchboard.simulator.webhook.TwilioSignatures;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** The requests the bench sends, built as Twilio and API clients build them. */
final class Requests {

  static final Duration TIMEOUT = Duration.ofSeconds(15);

  /** The demo flow's main menu: its gather action, and the digit that plays a line and returns. */
  static final String MENU_STEP = "main";

  static final String MENU_DIGIT = "1";

  /** What the api answers when the session could not: a turn that failed, though a 200. */
  static final String FALLBACK_MARK = "We are sorry";

  private Requests() {}

  /** The first voice webhook of a new inbound call, to the demo flow's number. */
  static Call newCall(Target target, String callSid, long sequence) {
    Map<String, String> params = callParams(target, callSid);
    // A caller per request, so that the per-number rate limit measures nothing here.
    params.put("From", String.format("+1555%07d", sequence % 10_000_000));
    params.put("CallStatus", "ringing");
    return signed(target, "/webhooks/voice", params);
  }

  /** A gather turn on the demo menu: the caller pressed a key. */
  static Call menuKey(Target target, String callSid) {
    Map<String, String> params = callParams(target, callSid);
    params.put("From", "+15550000000");
    params.put("CallStatus", "in-progress");
    params.put("Digits", MENU_DIGIT);
    return signed(target, "/webhooks/voice/" + MENU_STEP, params);
  }

  private static Map<String, String> callParams(Target target, String callSid) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("AccountSid", target.accountSid());
    params.put("CallSid", callSid);
    params.put("To", "+15005550006");
    params.put("Direction", "inbound");
    params.put("ApiVersion", "2010-04-01");
    return params;
  }

  static Call sendMessage(Target target, String from, String to, String body) {
    String json = String.format("{\"to\":\"%s\",\"from\":\"%s\",\"body\":\"%s\"}", to, from, body);
    return api(target, "/api/messages/send", json);
  }

  static Call initiateCall(Target target, String from, String to) {
    String json =
        String.format(
            "{\"to\":\"%s\",\"from\":\"%s\",\"twiml\":\"<Response><Say>Bench</Say></Response>\"}",
            to, from);
    return api(target, "/api/calls/initiate", json);
  }

  private static Call api(Target target, String path, String json) {
    return Call.post(
        path,
        Map.of(
            "Content-Type", "application/json",
            "Authorization", "Bearer " + target.apiKey(),
            "Idempotency-Key", "bench-" + uuid()),
        json);
  }

  static Call signed(Target target, String path, Map<String, String> params) {
    String signature = TwilioSignatures.sign(target.authToken(), target.publicUrl() + path, params);
    return Call.post(
        path,
        Map.of(
            "Content-Type",
            "application/x-www-form-urlencoded",
            "X-Twilio-Signature",
            signature,
            "I-Twilio-Idempotency-Token",
            uuid()),
        SignedWebhookClient.formEncode(params));
  }

  static String uuid() {
    return UUID.randomUUID().toString().replace("-", "");
  }

  /** A CallSid of this run: the prefix keeps runs apart, the sequence names the call. */
  static String callSid(String runPrefix, long sequence) {
    return String.format("CA%s%016x", runPrefix, sequence);
  }
}

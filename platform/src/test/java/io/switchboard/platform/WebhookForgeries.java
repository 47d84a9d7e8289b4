package io.switchboard.platform;

import io.switchboard.simulator.webhook.TwilioSignatures;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The webhook fuzzer's forgeries: requests whose signature Twilio did not make for exactly these
 * parameters at exactly this URL with this account's token, plus parameter mutants to sign.
 */
final class WebhookForgeries {

  /**
   * One forged request.
   *
   * @param name what was forged, for the failure message
   * @param request the request to send
   */
  record Forgery(String name, HttpRequest request) {}

  private static final String[] NASTY = {
    "",
    " ",
    "0",
    "-1",
    "null",
    "%00",
    "\u0000",
    "' OR 1=1 --",
    "<Response/>",
    "😀",
    "ж",
    "+1555",
    "CA",
    "a".repeat(5000),
    "${jndi:ldap://x}",
    "\r\n",
    "../../etc/passwd",
    "NaN"
  };

  private static final String[] KEYS = {
    "CallSid",
    "MessageSid",
    "AccountSid",
    "From",
    "To",
    "CallStatus",
    "MessageStatus",
    "Body",
    "SequenceNumber",
    "Digits",
    "SpeechResult",
    "RecordingSid",
    "RecordingStatus",
    "TranscriptionText",
    "CallDuration",
    "ErrorCode",
    "NumMedia",
    "Timestamp"
  };

  private final String accountSid;
  private final String authToken;
  private final Random random;
  private final String callSid = "CA" + UUID.randomUUID().toString().replace("-", "");
  private final String messageSid = "SM" + UUID.randomUUID().toString().replace("-", "");

  WebhookForgeries(String accountSid, String authToken, Random random) {
    this.accountSid = accountSid;
    this.authToken = authToken;
    this.random = random;
  }

  String callSid() {
    return callSid;
  }

  String messageSid() {
    return messageSid;
  }

  /** Parameters a webhook could carry, all forged ones sharing this fuzzer's SIDs. */
  Map<String, String> params() {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("AccountSid", accountSid);
    params.put("CallSid", callSid);
    params.put("MessageSid", messageSid);
    params.put("From", "+15551230001");
    params.put("To", "+15005550006");
    params.put("CallStatus", "completed");
    params.put("MessageStatus", "delivered");
    params.put("Body", "hello");
    params.put("SequenceNumber", "1");
    return params;
  }

  List<Forgery> all(String base, String path) {
    String url = base + path;
    Map<String, String> params = params();
    String good = TwilioSignatures.sign(authToken, url, params);
    List<Forgery> forgeries = new ArrayList<>();
    forgeries.add(forgery("no signature", url, params, null));
    forgeries.add(forgery("empty signature", url, params, ""));
    forgeries.add(forgery("random signature", url, params, randomSignature()));
    forgeries.add(forgery("lower-cased", url, params, good.toLowerCase()));
    forgeries.add(forgery("truncated", url, params, good.substring(0, good.length() - 4)));
    forgeries.add(forgery("one character changed", url, params, flip(good)));
    forgeries.add(forgery("padded", url, params, good + "AAAA"));
    forgeries.add(forgery("other token", url, params, sign("not-the-token", url, params)));
    forgeries.add(
        forgery(
            "other host", url, params, sign(authToken, "https://evil.example.com" + path, params)));
    forgeries.add(
        forgery("other path", url, params, sign(authToken, base + "/webhooks/x", params)));
    forgeries.add(forgery("unsigned query", url + "?extra=1", params, good));
    forgeries.add(foreignAccount(url));
    for (String key : params.keySet()) {
      Map<String, String> changed = new LinkedHashMap<>(params);
      changed.put(key, params.get(key) + "x");
      forgeries.add(forgery("changed " + key, url, changed, good));
      Map<String, String> removed = new LinkedHashMap<>(params);
      removed.remove(key);
      forgeries.add(forgery("removed " + key, url, removed, good));
    }
    for (int i = 0; i < 8; i++) {
      Map<String, String> added = new LinkedHashMap<>(params);
      added.put(KEYS[random.nextInt(KEYS.length)] + i, NASTY[random.nextInt(NASTY.length)]);
      forgeries.add(forgery("added parameter " + i, url, added, good));
    }
    forgeries.add(jsonWithoutBodyHash(url, good));
    return forgeries;
  }

  /** Valid-looking parameters with random keys dropped and random nasty values put in. */
  Map<String, String> mutatedParams() {
    Map<String, String> params = params();
    params.put("CallSid", "CA" + UUID.randomUUID().toString().replace("-", ""));
    params.put("MessageSid", "SM" + UUID.randomUUID().toString().replace("-", ""));
    // A caller of its own: the shared platform's per-caller limit must not reject other tests'
    // calls.
    params.put("From", "+1555" + String.format("%07d", random.nextInt(10_000_000)));
    int mutations = 1 + random.nextInt(4);
    for (int i = 0; i < mutations; i++) {
      String key = KEYS[random.nextInt(KEYS.length)];
      if (random.nextInt(4) == 0) {
        params.remove(key);
      } else {
        params.put(key, NASTY[random.nextInt(NASTY.length)]);
      }
    }
    return params;
  }

  /** Signed correctly, with our token, but for another Twilio account. */
  private Forgery foreignAccount(String url) {
    Map<String, String> params = params();
    params.put("AccountSid", "AC" + "0".repeat(32));
    return forgery("foreign account", url, params, sign(authToken, url, params));
  }

  private Forgery jsonWithoutBodyHash(String url, String signature) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(20))
            .header("Content-Type", "application/json")
            .header("X-Twilio-Signature", signature)
            .POST(HttpRequest.BodyPublishers.ofString("{\"CallSid\":\"" + callSid + "\"}"))
            .build();
    return new Forgery("JSON body without bodySHA256", request);
  }

  private static Forgery forgery(
      String name, String url, Map<String, String> params, String signature) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(20))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form(params)));
    if (signature != null) {
      request.header("X-Twilio-Signature", signature);
    }
    return new Forgery(name, request.build());
  }

  private static String sign(String token, String url, Map<String, String> params) {
    return TwilioSignatures.sign(token, url, params);
  }

  private String randomSignature() {
    byte[] bytes = new byte[20];
    random.nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }

  private static String flip(String signature) {
    char first = signature.charAt(0);
    return (first == 'A' ? 'B' : 'A') + signature.substring(1);
  }

  static String form(Map<String, String> params) {
    return params.entrySet().stream()
        .map(
            entry ->
                URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}

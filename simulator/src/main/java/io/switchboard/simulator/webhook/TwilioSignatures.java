package io.switchboard.simulator.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Computes {@code X-Twilio-Signature} as Twilio documents it: HMAC-SHA1, keyed with the auth token,
 * over the full URL followed by each POST parameter's name and value, sorted by name,
 * Base64-encoded. twilio-java only verifies signatures, so the simulator has to make them.
 */
public final class TwilioSignatures {

  private TwilioSignatures() {}

  public static String sign(String authToken, String url, Map<String, String> parameters) {
    StringBuilder data = new StringBuilder(url);
    new TreeMap<>(parameters).forEach((name, value) -> data.append(name).append(value));
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
      byte[] digest = mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA1 is required of every JVM", e);
    }
  }
}

package io.switchboard.api.inbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * What makes two deliveries the same webhook. Twilio's {@code I-Twilio-Idempotency-Token} is the
 * same on every retry of one webhook, so it is the key when present. Without it, a retry is
 * byte-for-byte the same request, so a hash of the path and every parameter is: status callbacks
 * differ by status, SequenceNumber and Timestamp; voice turns by their input.
 */
public final class DedupeKeys {

  private DedupeKeys() {}

  public static String of(String idempotencyToken, String path, Map<String, String> params) {
    if (idempotencyToken != null && !idempotencyToken.isBlank()) {
      return "token:" + sha256(idempotencyToken);
    }
    StringBuilder canonical = new StringBuilder(path);
    new TreeMap<>(params)
        .forEach((name, value) -> canonical.append('\n').append(name).append('=').append(value));
    return "params:" + sha256(canonical.toString());
  }

  private static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}

package io.switchboard.temporal;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES-256 keys that protect Temporal payloads: one encrypts, all of them decrypt, so that a key
 * can be rotated without making older histories unreadable.
 *
 * @param currentId the id of the key new payloads are encrypted with
 * @param keys every usable key by id, in the order they were configured
 */
public record PayloadKeyRing(String currentId, Map<String, SecretKey> keys) {

  public PayloadKeyRing {
    keys = Map.copyOf(keys);
    if (!keys.containsKey(currentId)) {
      throw new IllegalArgumentException("the current payload key id is not among the keys");
    }
  }

  /**
   * Reads keys written as {@code id:base64key,id:base64key}. The current key is the one named, or
   * the first when none is named. Key material never appears in an error message.
   */
  public static PayloadKeyRing parse(String spec, String currentId) {
    Map<String, SecretKey> keys = new LinkedHashMap<>();
    for (String entry : spec.split(",")) {
      String trimmed = entry.trim();
      int colon = trimmed.indexOf(':');
      if (trimmed.isEmpty()) {
        continue;
      }
      if (colon <= 0) {
        throw new IllegalArgumentException("payload keys must be written as id:base64key,...");
      }
      String id = trimmed.substring(0, colon);
      if (!id.matches("[A-Za-z0-9._-]{1,64}")) {
        throw new IllegalArgumentException("payload key id '" + id + "' is not a simple name");
      }
      keys.put(id, aesKey(id, trimmed.substring(colon + 1)));
    }
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("no payload keys configured");
    }
    String current =
        currentId == null || currentId.isBlank() ? keys.keySet().iterator().next() : currentId;
    return new PayloadKeyRing(current, keys);
  }

  public SecretKey current() {
    return keys.get(currentId);
  }

  private static SecretKey aesKey(String id, String base64) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("payload key '" + id + "' is not valid base64");
    }
    if (bytes.length != 32) {
      throw new IllegalArgumentException(
          "payload key '" + id + "' must be 32 bytes (AES-256), is " + bytes.length);
    }
    return new SecretKeySpec(bytes, "AES");
  }
}

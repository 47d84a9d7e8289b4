package io.switchboard.api.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Making and hashing API key secrets. */
public final class ApiKeys {

  private static final SecureRandom RANDOM = new SecureRandom();

  private ApiKeys() {}

  /** A new secret: 256 random bits, URL-safe, with a prefix that secret scanners can match. */
  public static String newSecret() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return "sb_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /**
   * SHA-256 of the secret. A fast hash is right here: the secrets are random and long, so there is
   * nothing for a slow hash to protect, and every API request must look one up.
   */
  public static String hash(String secret) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}

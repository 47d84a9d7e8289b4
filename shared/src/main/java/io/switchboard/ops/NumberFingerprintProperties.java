package io.switchboard.ops;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The key of the phone-number fingerprints that ops search workflows by.
 *
 * @param key {@code SWITCHBOARD_NUMBER_FINGERPRINT_KEY}: base64 of at least 16 random bytes (for
 *     example {@code openssl rand -base64 32}); the same in the api and the workers, and kept: a
 *     new key makes older workflows unfindable by number. The embedded platform generates one into
 *     its data folder.
 */
@ConfigurationProperties("switchboard.ops.number-fingerprint")
public record NumberFingerprintProperties(String key) {

  /** The fingerprint function, or a start-up failure that says what to set. */
  public NumberFingerprint fingerprint() {
    if (key == null || key.isBlank()) {
      throw new IllegalStateException(
          "Phone-number fingerprints for the Temporal search attribute ParticipantNumber need a"
              + " key: set SWITCHBOARD_NUMBER_FINGERPRINT_KEY=$(openssl rand -base64 32), the same"
              + " in the api and the workers");
    }
    return NumberFingerprint.withBase64Key(key);
  }
}

package io.switchboard.temporal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How Temporal payloads are encrypted.
 *
 * @param enabled whether payloads are encrypted at all; turning it off is for local experiments
 *     only, since histories then hold phone numbers and bodies in plain text
 * @param keys {@code SWITCHBOARD_PAYLOAD_KEYS}: {@code id:base64key,...}, each key 32 random bytes;
 *     every process that talks to the namespace needs the same set. The embedded platform generates
 *     one under its data folder when none is given.
 * @param currentKeyId {@code SWITCHBOARD_PAYLOAD_KEY_ID}: the key new payloads are encrypted with;
 *     the first key when unset
 */
@Validated
@ConfigurationProperties("switchboard.payload-encryption")
public record PayloadEncryptionProperties(
    @DefaultValue("true") boolean enabled, String keys, String currentKeyId) {

  /** The key ring, or a start-up failure that says what to set. */
  public PayloadKeyRing keyRing() {
    if (keys == null || keys.isBlank()) {
      throw new IllegalStateException(
          "Temporal payload encryption needs keys: set SWITCHBOARD_PAYLOAD_KEYS=id:base64key"
              + " (for example k1:$(openssl rand -base64 32)), the same in every process");
    }
    return PayloadKeyRing.parse(keys, currentKeyId);
  }
}

package io.switchboard.recording.media;

import io.switchboard.temporal.PayloadKeyRing;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Master keys from configuration ({@code id:base64key,...}, the payload keys' format and parser,
 * but separate keys): the current one wraps, every configured one unwraps, so rotating means adding
 * a new key as current and keeping the old ones until their recordings are gone or re-wrapped.
 */
public final class LocalKeyProvider implements KeyProvider {

  private static final int NONCE = 12;
  private static final int TAG_BITS = 128;

  private final PayloadKeyRing ring;
  private final SecureRandom random = new SecureRandom();

  public LocalKeyProvider(PayloadKeyRing ring) {
    this.ring = ring;
  }

  public static LocalKeyProvider parse(String keys, String currentKeyId) {
    return new LocalKeyProvider(PayloadKeyRing.parse(keys, currentKeyId));
  }

  @Override
  public String currentKeyId() {
    return ring.currentId();
  }

  @Override
  public byte[] wrap(byte[] dataKey, byte[] context) {
    byte[] nonce = new byte[NONCE];
    random.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, ring.current(), new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(aad(ring.currentId(), context));
      byte[] sealed = cipher.doFinal(dataKey);
      byte[] out = Arrays.copyOf(nonce, NONCE + sealed.length);
      System.arraycopy(sealed, 0, out, NONCE, sealed.length);
      return out;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("could not wrap a recording data key", e);
    }
  }

  @Override
  public byte[] unwrap(String keyId, byte[] wrapped, byte[] context) {
    SecretKey master = ring.keys().get(keyId);
    if (master == null) {
      throw new MediaIntegrityException(
          "recording master key '" + keyId + "' is not configured; it is needed to decrypt");
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE,
          master,
          new GCMParameterSpec(TAG_BITS, Arrays.copyOf(wrapped, NONCE)));
      cipher.updateAAD(aad(keyId, context));
      return cipher.doFinal(wrapped, NONCE, wrapped.length - NONCE);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new MediaIntegrityException("recording data key failed authentication", e);
    }
  }

  /** The key id is bound too, so a wrapped key relabelled with another id does not unwrap. */
  private static byte[] aad(String keyId, byte[] context) {
    byte[] id = keyId.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] aad = Arrays.copyOf(id, id.length + 1 + context.length);
    aad[id.length] = 0;
    System.arraycopy(context, 0, aad, id.length + 1, context.length);
    return aad;
  }

  static SecretKey aes(byte[] key) {
    return new SecretKeySpec(key, "AES");
  }
}

package io.switchboard.temporal;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.temporal.api.common.v1.Payload;
import io.temporal.payload.codec.PayloadCodec;
import io.temporal.payload.codec.PayloadCodecException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts every Temporal payload with AES-256-GCM, so that phone numbers and message bodies are
 * ciphertext in Temporal's database and in its UI unless an authorised codec endpoint decodes them.
 * The whole serialized payload (metadata and data) is encrypted; the outer payload says only that
 * it is encrypted and with which key. The key id is bound as associated data, so a payload cannot
 * be relabelled to another key.
 */
public final class AesGcmPayloadCodec implements PayloadCodec {

  static final String ENCODING = "binary/encrypted";
  static final String METADATA_ENCODING = "encoding";
  static final String METADATA_KEY_ID = "encryption-key-id";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final PayloadKeyRing keys;
  private final SecureRandom random = new SecureRandom();

  /**
   * Seals and opens one payload at once: a broken key or a missing cipher fails the start, not the
   * first call, and the first call does not pay for loading the crypto provider.
   */
  public AesGcmPayloadCodec(PayloadKeyRing keys) {
    this.keys = keys;
    Payload probe = Payload.newBuilder().setData(ByteString.copyFromUtf8("self-test")).build();
    if (!decode(encode(List.of(probe))).equals(List.of(probe))) {
      throw new IllegalStateException("payload encryption self-test failed");
    }
  }

  @Override
  public List<Payload> encode(List<Payload> payloads) {
    return payloads.stream().map(this::encrypt).toList();
  }

  /** Payloads that are not ours to decrypt (written before encryption) pass through unchanged. */
  @Override
  public List<Payload> decode(List<Payload> payloads) {
    return payloads.stream().map(this::decrypt).toList();
  }

  private Payload encrypt(Payload payload) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    String keyId = keys.currentId();
    byte[] sealed =
        cipher(Cipher.ENCRYPT_MODE, keys.current(), keyId, nonce, payload.toByteArray());
    ByteBuffer data = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed);
    return Payload.newBuilder()
        .putMetadata(METADATA_ENCODING, ByteString.copyFromUtf8(ENCODING))
        .putMetadata(METADATA_KEY_ID, ByteString.copyFromUtf8(keyId))
        .setData(ByteString.copyFrom(data.array()))
        .build();
  }

  private Payload decrypt(Payload payload) {
    ByteString encoding = payload.getMetadataMap().get(METADATA_ENCODING);
    if (encoding == null || !ENCODING.equals(encoding.toStringUtf8())) {
      return payload;
    }
    ByteString keyIdBytes = payload.getMetadataMap().get(METADATA_KEY_ID);
    String keyId = keyIdBytes == null ? "" : keyIdBytes.toStringUtf8();
    SecretKey key = keys.keys().get(keyId);
    if (key == null) {
      throw new PayloadCodecException(
          "payload is encrypted with key '" + keyId + "', which is not configured");
    }
    byte[] data = payload.getData().toByteArray();
    if (data.length <= NONCE_BYTES) {
      throw new PayloadCodecException("encrypted payload is truncated");
    }
    byte[] nonce = java.util.Arrays.copyOf(data, NONCE_BYTES);
    byte[] sealed = java.util.Arrays.copyOfRange(data, NONCE_BYTES, data.length);
    try {
      return Payload.parseFrom(cipher(Cipher.DECRYPT_MODE, key, keyId, nonce, sealed));
    } catch (InvalidProtocolBufferException e) {
      throw new PayloadCodecException(e);
    }
  }

  private static byte[] cipher(int mode, SecretKey key, String keyId, byte[] nonce, byte[] input) {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
      return cipher.doFinal(input);
    } catch (GeneralSecurityException e) {
      // The message of a GCM failure says nothing secret; the payload itself is never included.
      throw new PayloadCodecException("payload could not be decrypted or encrypted: " + e, e);
    }
  }
}

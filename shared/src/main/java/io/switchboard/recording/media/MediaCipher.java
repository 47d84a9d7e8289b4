package io.switchboard.recording.media;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Envelope encryption of recording media, streamed: each recording gets a fresh AES-256 data key,
 * wrapped by the {@link KeyProvider}'s master key, and its media is sealed in 64 KiB AES-GCM
 * segments. One GCM over the whole file would not stream on the way back (the JDK holds all
 * plaintext until the tag checks), so each segment carries its own tag; its nonce holds its index
 * and a last-segment flag, so segments cannot be reordered, dropped or cut off unnoticed.
 *
 * <p>Layout: {@code "SBR2"}, key id (1-byte length), wrapped data key (2-byte length), 7-byte nonce
 * prefix, then segments as a 4-byte length and the sealed bytes. Format and prefix are associated
 * data of every segment, key id and recording id that of the wrapped key ({@link EnvelopeHeader}).
 * Because the segments do not depend on the wrapping, {@link #rewrap} moves a recording to the
 * current master key without touching its media.
 */
public final class MediaCipher {

  static final int SEGMENT = 64 * 1024;
  static final int TAG_BITS = 128;
  static final int PREFIX = 7;

  private final KeyProvider keys;
  private final SecureRandom random = new SecureRandom();

  public MediaCipher(KeyProvider keys) {
    this.keys = keys;
  }

  /**
   * What was sealed.
   *
   * @param keyId the master key that wraps the data key
   * @param sizeBytes plaintext bytes
   * @param sha256 plaintext digest, hex
   */
  public record Sealed(String keyId, long sizeBytes, String sha256) {}

  /** Reads the plaintext to its end and writes it sealed for this recording. */
  public Sealed encrypt(InputStream plaintext, OutputStream out, String recordingId)
      throws IOException {
    byte[] dataKey = new byte[32];
    random.nextBytes(dataKey);
    byte[] prefix = new byte[PREFIX];
    random.nextBytes(prefix);
    String keyId = keys.currentKeyId();
    EnvelopeHeader envelope =
        new EnvelopeHeader(
            EnvelopeHeader.SBR2, keyId, keys.wrap(dataKey, context(recordingId)), prefix);
    out.write(envelope.bytes());
    byte[] header = envelope.segmentAad();
    SecretKey key = new SecretKeySpec(dataKey, "AES");
    MessageDigest digest = sha256();
    DataOutputStream data = new DataOutputStream(out);
    long size = 0;
    byte[] segment = plaintext.readNBytes(SEGMENT);
    for (int index = 0; ; index++) {
      byte[] next = segment.length < SEGMENT ? new byte[0] : plaintext.readNBytes(SEGMENT);
      boolean last = next.length == 0;
      digest.update(segment);
      size += segment.length;
      byte[] sealed = seal(key, Cipher.ENCRYPT_MODE, prefix, index, last, header, segment);
      data.writeInt(sealed.length);
      data.write(sealed);
      if (last) {
        break;
      }
      segment = next;
    }
    data.flush();
    return new Sealed(keyId, size, HexFormat.of().formatHex(digest.digest()));
  }

  /**
   * The plaintext of sealed media, decrypted segment by segment as it is read. A segment that fails
   * authentication, or a stream cut off before its last segment, throws {@link
   * MediaIntegrityException} before any of its bytes are released.
   */
  public InputStream decrypt(InputStream sealed, String recordingId) throws IOException {
    return new DecryptingInputStream(sealed, recordingId, keys);
  }

  /** Decrypts the whole of sealed media without keeping it: its plaintext digest and size. */
  public Sealed verify(InputStream sealed, String recordingId) throws IOException {
    MessageDigest digest = sha256();
    long size = 0;
    try (DecryptingInputStream in = new DecryptingInputStream(sealed, recordingId, keys)) {
      byte[] buffer = new byte[SEGMENT];
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
        size += n;
      }
      return new Sealed(in.keyId(), size, HexFormat.of().formatHex(digest.digest()));
    }
  }

  /**
   * Copies sealed media with its data key wrapped under the current master key: the header is
   * rewritten, the segments are copied as they are. Media in the old {@code SBR1} format, whose
   * segments authenticate the old wrapping, is re-encrypted instead. Media already under the
   * current key is copied unchanged, so running this twice changes nothing.
   *
   * @return the master key id the copy is under
   */
  public String rewrap(InputStream sealed, OutputStream out, String recordingId)
      throws IOException {
    DataInputStream in = new DataInputStream(sealed);
    EnvelopeHeader header = EnvelopeHeader.read(in);
    if (header.legacy()) {
      try (DecryptingInputStream plain = new DecryptingInputStream(header, in, recordingId, keys)) {
        return encrypt(plain, out, recordingId).keyId();
      }
    }
    EnvelopeHeader target = header;
    if (!header.keyId().equals(keys.currentKeyId())) {
      byte[] dataKey = keys.unwrap(header.keyId(), header.wrapped(), context(recordingId));
      target = header.rewrapped(keys.currentKeyId(), keys.wrap(dataKey, context(recordingId)));
    }
    out.write(target.bytes());
    in.transferTo(out);
    out.flush();
    return target.keyId();
  }

  /**
   * Seals a short text (a transcript) in the same envelope as media, in memory.
   *
   * @param context what the text belongs to; it opens only with the same context
   */
  public byte[] sealText(String text, String context) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      encrypt(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), out, context);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Opens what {@link #sealText} sealed; altered bytes throw {@link MediaIntegrityException}. */
  public String openText(byte[] sealed, String context) {
    try (InputStream in = decrypt(new ByteArrayInputStream(sealed), context)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@link #rewrap} for a sealed text. */
  public byte[] rewrapText(byte[] sealed, String context) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      rewrap(new ByteArrayInputStream(sealed), out, context);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The master key id of a sealed text. */
  public static String keyIdOf(byte[] sealed) {
    try {
      return keyIdOf(new ByteArrayInputStream(sealed));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The master key id in sealed media's header, without unwrapping anything. */
  public static String keyIdOf(InputStream sealed) throws IOException {
    return EnvelopeHeader.read(new DataInputStream(sealed)).keyId();
  }

  static byte[] seal(
      SecretKey key, int mode, byte[] prefix, int index, boolean last, byte[] aad, byte[] input) {
    byte[] nonce =
        ByteBuffer.allocate(12).put(prefix).putInt(index).put((byte) (last ? 1 : 0)).array();
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(aad);
      return cipher.doFinal(input);
    } catch (GeneralSecurityException e) {
      if (mode == Cipher.DECRYPT_MODE) {
        throw new MediaIntegrityException(
            "recording media failed authentication at segment " + index + ": altered or truncated",
            e);
      }
      throw new IllegalStateException("could not encrypt recording media", e);
    }
  }

  static byte[] context(String recordingId) {
    return recordingId.getBytes(StandardCharsets.UTF_8);
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

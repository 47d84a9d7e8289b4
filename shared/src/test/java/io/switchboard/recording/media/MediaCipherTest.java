package io.switchboard.recording.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MediaCipherTest {

  static final String RECORDING = "RE00000000000000000000000000000001";
  static final String K1 = "r1:" + key(1);
  static final String K2 = "r2:" + key(2);

  private final MediaCipher cipher = new MediaCipher(LocalKeyProvider.parse(K1, null));

  @Test
  void sealedMediaIsCiphertextAndOpensToExactlyThePlaintext() throws Exception {
    byte[] audio = bytes(3 * MediaCipher.SEGMENT + 123); // several segments and a partial one

    byte[] sealed = seal(cipher, audio);

    assertThat(indexOf(sealed, Arrays.copyOfRange(audio, 1000, 1032))).isEqualTo(-1);
    assertThat(open(cipher, sealed)).isEqualTo(audio);
    MediaCipher.Sealed verified = cipher.verify(new ByteArrayInputStream(sealed), RECORDING);
    assertThat(verified.keyId()).isEqualTo("r1");
    assertThat(verified.sizeBytes()).isEqualTo(audio.length);
  }

  @Test
  void mediaOfExactlyWholeSegmentsAndEmptyMediaRoundTrip() throws Exception {
    for (int size : new int[] {0, MediaCipher.SEGMENT, 2 * MediaCipher.SEGMENT}) {
      byte[] audio = bytes(size);
      assertThat(open(cipher, seal(cipher, audio))).as("size " + size).isEqualTo(audio);
    }
  }

  @Test
  void tamperedCiphertextFailsWithAClearErrorAndReleasesNothingOfThatSegment() throws Exception {
    byte[] sealed = seal(cipher, bytes(2 * MediaCipher.SEGMENT + 10));
    sealed[sealed.length - 40] ^= 0x01;

    assertThatThrownBy(() -> open(cipher, sealed))
        .isInstanceOf(MediaIntegrityException.class)
        .hasMessageContaining("failed authentication at segment 1");
  }

  @Test
  void truncatedMediaIsRefusedEvenAtASegmentBoundary() throws Exception {
    byte[] sealed = seal(cipher, bytes(2 * MediaCipher.SEGMENT + 10));
    int firstSegmentEnd = sealed.length - (4 + 10 + 16) - (4 + MediaCipher.SEGMENT + 16);
    byte[] cut = Arrays.copyOf(sealed, firstSegmentEnd + 4 + MediaCipher.SEGMENT + 16);

    assertThatThrownBy(() -> open(cipher, cut))
        .isInstanceOf(MediaIntegrityException.class)
        .hasMessageContaining("truncated");
  }

  @Test
  void mediaMovedUnderAnotherRecordingDoesNotOpen() throws Exception {
    byte[] sealed = seal(cipher, bytes(100));

    assertThatThrownBy(
            () -> cipher.decrypt(new ByteArrayInputStream(sealed), "RE" + "9".repeat(32)))
        .isInstanceOf(MediaIntegrityException.class)
        .hasMessageContaining("data key failed authentication");
  }

  @Test
  void keyRotationKeepsOldRecordingsReadableAndSealsNewOnesUnderTheNewKey() throws Exception {
    byte[] old = bytes(5000);
    byte[] sealedUnderK1 = seal(cipher, old);
    MediaCipher rotated = new MediaCipher(LocalKeyProvider.parse(K2 + "," + K1, "r2"));

    assertThat(open(rotated, sealedUnderK1)).isEqualTo(old);
    byte[] fresh = seal(rotated, old);
    assertThat(rotated.verify(new ByteArrayInputStream(fresh), RECORDING).keyId()).isEqualTo("r2");
    MediaCipher retired = new MediaCipher(LocalKeyProvider.parse(K2, null));
    assertThatThrownBy(() -> open(retired, sealedUnderK1))
        .isInstanceOf(MediaIntegrityException.class)
        .hasMessageContaining("'r1' is not configured");
  }

  @Test
  void rewrapMovesTheDataKeyToTheCurrentMasterKeyAndLeavesTheSealedMediaAlone() throws Exception {
    byte[] audio = bytes(2 * MediaCipher.SEGMENT + 77);
    byte[] underK1 = seal(cipher, audio);
    MediaCipher rotated = new MediaCipher(LocalKeyProvider.parse(K2 + "," + K1, "r2"));

    byte[] underK2 = rewrap(rotated, underK1);

    assertThat(MediaCipher.keyIdOf(underK2)).isEqualTo("r2");
    int segments = underK1.length - headerLength(underK1);
    assertThat(Arrays.copyOfRange(underK2, underK2.length - segments, underK2.length))
        .as("segments copied byte for byte")
        .isEqualTo(Arrays.copyOfRange(underK1, underK1.length - segments, underK1.length));
    MediaCipher retired = new MediaCipher(LocalKeyProvider.parse(K2, null));
    assertThat(open(retired, underK2)).isEqualTo(audio);
    assertThat(rewrap(rotated, underK2)).as("a second re-wrap changes nothing").isEqualTo(underK2);
  }

  @Test
  void rewrapReencryptsMediaOfTheFirstFormatWhoseSegmentsAuthenticateTheOldWrapping()
      throws Exception {
    KeyProvider k1 = LocalKeyProvider.parse(K1, null);
    byte[] audio = bytes(1000);
    byte[] legacy = sealLegacy(k1, audio);
    assertThat(open(cipher, legacy)).as("the first format still opens").isEqualTo(audio);
    MediaCipher rotated = new MediaCipher(LocalKeyProvider.parse(K2 + "," + K1, "r2"));

    byte[] underK2 = rewrap(rotated, legacy);

    assertThat(new String(underK2, 0, 4, java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("SBR2");
    assertThat(open(new MediaCipher(LocalKeyProvider.parse(K2, null)), underK2)).isEqualTo(audio);
  }

  @Test
  void sealedTextOpensOnlyInItsOwnContext() {
    byte[] sealed = cipher.sealText("press one for sales", "RE1/transcript/twilio");

    assertThat(new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1))
        .doesNotContain("sales");
    assertThat(cipher.openText(sealed, "RE1/transcript/twilio")).isEqualTo("press one for sales");
    assertThatThrownBy(() -> cipher.openText(sealed, "RE2/transcript/twilio"))
        .isInstanceOf(MediaIntegrityException.class);
  }

  /** Media as the first format wrote it: the whole header is every segment's associated data. */
  static byte[] sealLegacy(KeyProvider keys, byte[] audio) throws IOException {
    byte[] dataKey = new byte[32];
    new Random(7).nextBytes(dataKey);
    EnvelopeHeader header =
        new EnvelopeHeader(
            EnvelopeHeader.SBR1,
            keys.currentKeyId(),
            keys.wrap(dataKey, MediaCipher.context(RECORDING)),
            new byte[MediaCipher.PREFIX]);
    byte[] sealed =
        MediaCipher.seal(
            new javax.crypto.spec.SecretKeySpec(dataKey, "AES"),
            javax.crypto.Cipher.ENCRYPT_MODE,
            header.prefix(),
            0,
            true,
            header.bytes(),
            audio);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    java.io.DataOutputStream data = new java.io.DataOutputStream(out);
    data.write(header.bytes());
    data.writeInt(sealed.length);
    data.write(sealed);
    return out.toByteArray();
  }

  static byte[] rewrap(MediaCipher cipher, byte[] sealed) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    cipher.rewrap(new ByteArrayInputStream(sealed), out, RECORDING);
    return out.toByteArray();
  }

  static int headerLength(byte[] sealed) throws IOException {
    return EnvelopeHeader.read(new java.io.DataInputStream(new ByteArrayInputStream(sealed)))
        .bytes()
        .length;
  }

  static byte[] seal(MediaCipher cipher, byte[] audio) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    cipher.encrypt(new ByteArrayInputStream(audio), out, RECORDING);
    return out.toByteArray();
  }

  static byte[] open(MediaCipher cipher, byte[] sealed) throws IOException {
    try (InputStream in = cipher.decrypt(new ByteArrayInputStream(sealed), RECORDING)) {
      return in.readAllBytes();
    }
  }

  static byte[] bytes(int size) {
    byte[] bytes = new byte[size];
    new Random(size).nextBytes(bytes);
    return bytes;
  }

  static String key(int seed) {
    byte[] key = new byte[32];
    Arrays.fill(key, (byte) seed);
    return Base64.getEncoder().encodeToString(key);
  }

  static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}

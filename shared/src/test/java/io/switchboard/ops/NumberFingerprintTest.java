package io.switchboard.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class NumberFingerprintTest {

  private static final String KEY_A = Base64.getEncoder().encodeToString(new byte[32]);
  private static final String KEY_B =
      Base64.getEncoder().encodeToString("another key of thirty-two bytes!".getBytes());

  @Test
  void sameNumberAndKeyGiveTheSameFingerprintEveryTime() {
    String first = NumberFingerprint.withBase64Key(KEY_A).of("+14155550100");
    String again = NumberFingerprint.withBase64Key(KEY_A).of("+14155550100");
    assertThat(first).isEqualTo(again).matches("[0-9a-f]{32}");
  }

  @Test
  void isTheTruncatedHmacSha256OfTheBareNumber() throws Exception {
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(new javax.crypto.spec.SecretKeySpec(new byte[32], "HmacSHA256"));
    byte[] full = mac.doFinal("+14155550100".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(NumberFingerprint.withBase64Key(KEY_A).of("+14155550100"))
        .isEqualTo(java.util.HexFormat.of().formatHex(full, 0, 16));
  }

  @Test
  void differsPerKeyAndPerNumber() {
    NumberFingerprint a = NumberFingerprint.withBase64Key(KEY_A);
    assertThat(a.of("+14155550100")).isNotEqualTo(a.of("+14155550101"));
    assertThat(a.of("+14155550100"))
        .isNotEqualTo(NumberFingerprint.withBase64Key(KEY_B).of("+14155550100"));
  }

  @Test
  void channelPrefixesAreDroppedSoAllChannelsShareOneFingerprint() {
    NumberFingerprint a = NumberFingerprint.withBase64Key(KEY_A);
    String bare = a.of("+14155550100");
    assertThat(a.of("whatsapp:+14155550100")).isEqualTo(bare);
    assertThat(a.of("client:+14155550100")).isEqualTo(bare);
    assertThat(a.of(" +14155550100 ")).isEqualTo(bare);
  }

  @Test
  void neverContainsTheNumber() {
    assertThat(NumberFingerprint.withBase64Key(KEY_A).of("+14155550100"))
        .doesNotContain("4155550100");
  }

  @Test
  void noNumberHasNoFingerprint() {
    NumberFingerprint a = NumberFingerprint.withBase64Key(KEY_A);
    assertThat(a.of(null)).isNull();
    assertThat(a.of(" ")).isNull();
  }

  @Test
  void refusesShortOrMalformedKeysAndSaysWhatToSetWhenMissing() {
    assertThatThrownBy(() -> NumberFingerprint.withBase64Key("c2hvcnQ="))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("16 bytes");
    assertThatThrownBy(() -> NumberFingerprint.withBase64Key("not base64!"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new NumberFingerprintProperties(" ").fingerprint())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("SWITCHBOARD_NUMBER_FINGERPRINT_KEY");
  }
}

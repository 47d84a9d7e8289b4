package io.switchboard.api.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.ops.NumberFingerprint;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ParticipantNumbersTest {

  private final NumberFingerprint fingerprint =
      NumberFingerprint.withBase64Key(Base64.getEncoder().encodeToString(new byte[32]));
  private final ParticipantNumbers numbers = new ParticipantNumbers(fingerprint);

  @Test
  void aNumberCopiedWithSeparatorsFindsTheSameWorkflowsAsItsE164Form() {
    String expected = fingerprint.of("+14155550100");
    assertThat(numbers.fingerprint("+1 (415) 555-0100")).isEqualTo(expected);
    assertThat(numbers.fingerprint("+1.415.555.0100")).isEqualTo(expected);
    assertThat(numbers.fingerprint("whatsapp:+14155550100")).isEqualTo(expected);
  }

  @Test
  void refusesWhatIsNotE164WithoutRepeatingIt() {
    for (String bad :
        new String[] {
          "14155557788", "+0415555778", "+1415555778899887766", "+1415' OR '1'='1", ""
        }) {
      assertThatThrownBy(() -> numbers.fingerprint(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("E.164")
          .hasMessageNotContaining("5557788");
    }
    assertThatThrownBy(() -> numbers.fingerprint(null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

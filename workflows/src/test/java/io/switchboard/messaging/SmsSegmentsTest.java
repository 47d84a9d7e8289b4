package io.switchboard.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SmsSegmentsTest {

  @Test
  void gsm7BodyFitsOneSegmentUpTo160Characters() {
    assertThat(SmsSegments.of("a".repeat(160))).isEqualTo(new SmsSegments("GSM-7", 1, 160));
    assertThat(SmsSegments.of("a".repeat(161)).segments()).isEqualTo(2);
    assertThat(SmsSegments.of("a".repeat(306)).segments()).isEqualTo(2);
    assertThat(SmsSegments.of("a".repeat(307)).segments()).isEqualTo(3);
  }

  @Test
  void extensionCharactersTakeTwoSeptetsAndAreNeverSplit() {
    assertThat(SmsSegments.of("€".repeat(80))).isEqualTo(new SmsSegments("GSM-7", 1, 160));
    // 152 plain septets and a euro: the euro's two septets move to the second segment.
    assertThat(SmsSegments.of("a".repeat(152) + "€" + "b".repeat(10)).segments()).isEqualTo(2);
  }

  @Test
  void oneNonGsmCharacterMakesTheWholeBodyUcs2() {
    assertThat(SmsSegments.of("Hello “world”"))
        .extracting(SmsSegments::encoding)
        .isEqualTo("UCS-2");
    assertThat(SmsSegments.of("ж".repeat(70))).isEqualTo(new SmsSegments("UCS-2", 1, 70));
    assertThat(SmsSegments.of("ж".repeat(71)).segments()).isEqualTo(2);
    assertThat(SmsSegments.of("ж".repeat(134)).segments()).isEqualTo(2);
    assertThat(SmsSegments.of("ж".repeat(135)).segments()).isEqualTo(3);
  }

  @Test
  void emojiAreTwoUnitsAndNeverCutInHalf() {
    assertThat(SmsSegments.of("😀".repeat(35))).isEqualTo(new SmsSegments("UCS-2", 1, 70));
    // 66 units then an emoji: it cannot fit the first segment's one remaining unit.
    assertThat(SmsSegments.of("ж".repeat(66) + "😀" + "ж".repeat(10)).segments()).isEqualTo(2);
    assertThat(SmsSegments.of("😀".repeat(36)).segments()).isEqualTo(2);
  }
}

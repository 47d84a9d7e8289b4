package io.switchboard.api.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.messaging.SmsSegments;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessageValidatorTest {

  private static final Instant NOW = Instant.parse("2025-06-02T16:00:00Z");

  private final TemplateStore templates = org.mockito.Mockito.mock(TemplateStore.class);

  private final MessageValidator validator =
      new MessageValidator(
          new PhoneNumbers(),
          new MessagingProperties(
              Duration.ofMinutes(2),
              new MessagingProperties.QuietHoursWindow(
                  false, "21:00", "08:00", "UTC", Map.of("US", "America/New_York")),
              true),
          templates,
          Clock.fixed(NOW, ZoneOffset.UTC));

  private static SendMessageRequest sms(String body) {
    return new SendMessageRequest(
        "+14155550100", "+14155550199", body, null, null, null, null, null, null, null, null);
  }

  @Test
  void gsm7BodyIsCountedIn153CharacterSegmentsOnceSplit() {
    ValidatedMessage message = validator.validate("k1", sms("a".repeat(200)));

    assertThat(message.segments()).isEqualTo(new SmsSegments("GSM-7", 2, 200));
    assertThat(message.request().channel()).isEqualTo("sms");
  }

  @Test
  void oneNonGsmCharacterMakesTheBodyUcs2With67CharacterSegments() {
    ValidatedMessage message = validator.validate("k2", sms("a".repeat(100) + "ж"));

    assertThat(message.segments()).isEqualTo(new SmsSegments("UCS-2", 2, 101));
  }

  @Test
  void emojiCountAsTwoUcs2Units() {
    ValidatedMessage message = validator.validate("k3", sms("Thanks 👍"));

    assertThat(message.segments()).isEqualTo(new SmsSegments("UCS-2", 1, 9));
  }

  @Test
  void normalisationKeepsSmartQuotesFromForcingUcs2() {
    SendMessageRequest quoted =
        new SendMessageRequest(
            "+14155550100",
            "+14155550199",
            "It’s “ready” – now…",
            null,
            null,
            null,
            null,
            true,
            null,
            null,
            null);

    ValidatedMessage message = validator.validate("k4", quoted);

    assertThat(message.request().body()).isEqualTo("It's \"ready\" - now...");
    assertThat(message.segments().encoding()).isEqualTo("GSM-7");
  }

  @Test
  void bodyOver1600CharactersIsRefusedWithItsLength() {
    assertThatThrownBy(() -> validator.validate("k5", sms("a".repeat(1601))))
        .isInstanceOf(InvalidMessageException.class)
        .hasMessageContaining("1601")
        .hasMessageContaining("1,600");
  }

  @Test
  void numbersMustBeValidE164AndErrorsNeverRepeatThem() {
    SendMessageRequest local =
        new SendMessageRequest(
            "4155550100", "+14155550199", "Hi", null, null, null, null, null, null, null, null);
    SendMessageRequest invalid =
        new SendMessageRequest(
            "+1415555", "+14155550199", "Hi", null, null, null, null, null, null, null, null);

    assertThatThrownBy(() -> validator.validate("k6", local))
        .hasMessageContaining("'to' must be in E.164 form");
    assertThatThrownBy(() -> validator.validate("k6", invalid))
        .hasMessageContaining("'to' is not a valid phone number")
        .hasMessageNotContaining("415555");
  }

  @Test
  void whatsappAddressesCarryTheirPrefixAndAreNotSegmented() {
    SendMessageRequest whatsapp =
        new SendMessageRequest(
            "whatsapp:+14155550100",
            "+14155550199",
            "Hi",
            null,
            "whatsapp",
            null,
            null,
            null,
            null,
            null,
            null);

    ValidatedMessage message = validator.validate("k7", whatsapp);

    assertThat(message.request().to()).isEqualTo("whatsapp:+14155550100");
    assertThat(message.request().from()).isEqualTo("whatsapp:+14155550199");
    assertThat(message.segments()).isNull();
  }

  @Test
  void whatsappAddressOnAnSmsIsRefused() {
    SendMessageRequest mixed =
        new SendMessageRequest(
            "whatsapp:+14155550100",
            "+14155550199",
            "Hi",
            null,
            "sms",
            null,
            null,
            null,
            null,
            null,
            null);

    assertThatThrownBy(() -> validator.validate("k8", mixed))
        .hasMessageContaining("WhatsApp address");
  }

  @Test
  void quietHoursTakeTheRecipientsZoneFromTheNumbersRegion() {
    SendMessageRequest polite =
        new SendMessageRequest(
            "+14155550100",
            "+14155550199",
            "Hi",
            List.of(),
            null,
            null,
            true,
            null,
            null,
            null,
            null);

    ValidatedMessage message = validator.validate("k9", polite);

    assertThat(message.request().quietHours().zone()).isEqualTo("America/New_York");
  }

  @Test
  void sameRequestHashesAlikeAndAnotherBodyDoesNot() {
    String first = validator.validate("k10", sms("Hello")).requestHash();

    assertThat(validator.validate("k10", sms("Hello")).requestHash()).isEqualTo(first);
    assertThat(validator.validate("k10", sms("Hello!")).requestHash()).isNotEqualTo(first);
  }

  @Test
  void whatsappMayFallBackToSmsBeforeADeadline() {
    SendMessageRequest whatsapp =
        new SendMessageRequest(
            "+14155550100",
            "+14155550199",
            "Hi",
            null,
            "whatsapp",
            null,
            null,
            null,
            "sms",
            "+14155550198",
            null);

    ValidatedMessage message = validator.validate("k11", whatsapp);

    assertThat(message.request().fallback().from()).isEqualTo("+14155550198");
    assertThat(message.request().fallback().deadlineMillis())
        .isEqualTo(NOW.plus(Duration.ofHours(1)).toEpochMilli());
  }

  @Test
  void smsCannotFallBack() {
    SendMessageRequest sms =
        new SendMessageRequest(
            "+14155550100",
            "+14155550199",
            "Hi",
            null,
            "sms",
            null,
            null,
            null,
            "sms",
            "+14155550198",
            null);

    assertThatThrownBy(() -> validator.validate("k12", sms))
        .hasMessageContaining("Only WhatsApp messages may fall back");
  }

  @Test
  void missingIdempotencyKeyIsRefused() {
    assertThatThrownBy(() -> validator.validate(null, sms("Hello")))
        .hasMessageContaining("Idempotency-Key");
  }
}

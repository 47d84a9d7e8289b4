package io.switchboard.api.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.switchboard.messaging.TemplateText;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Templates: checked when saved, rendered per locale, and refused when a variable is missing. */
class TemplateValidationTest {

  private final TemplateStore templates = mock(TemplateStore.class);
  private final MessageValidator validator =
      new MessageValidator(
          new PhoneNumbers(),
          new MessagingProperties(
              Duration.ofMinutes(2),
              new MessagingProperties.QuietHoursWindow(false, "21:00", "08:00", "UTC", Map.of()),
              true),
          templates,
          Clock.fixed(Instant.parse("2025-06-02T16:00:00Z"), ZoneOffset.UTC));

  private static final TemplateView READY =
      TemplateView.of(
          "table-ready",
          "en",
          "Hi {{name}}, your table for {{ size }} is ready.",
          "HX0123456789abcdef0123456789abcdef",
          List.of("name", "size"),
          null,
          null);

  @Test
  void malformedPlaceholderIsRefusedWhenSaved() {
    assertThatThrownBy(
            () ->
                TemplateController.validate(
                    "t", "en", new TemplateRequest("Hi {{name}, welcome", null, null)))
        .isInstanceOf(InvalidTemplateException.class)
        .hasMessageContaining("malformed");
  }

  @Test
  void unknownLocaleAndBadContentSidAreRefusedWhenSaved() {
    assertThatThrownBy(
            () ->
                TemplateController.validate(
                    "t", "not a locale", new TemplateRequest("Hi", null, null)))
        .isInstanceOf(InvalidTemplateException.class);
    assertThatThrownBy(
            () -> TemplateController.validate("t", "en", new TemplateRequest("Hi", "HX1", null)))
        .isInstanceOf(InvalidTemplateException.class)
        .hasMessageContaining("contentSid");
  }

  @Test
  void savedTemplateListsItsVariablesInOrderOfUse() {
    TemplateView saved =
        TemplateController.validate(
            "t", "es-mx", new TemplateRequest("{{a}} {{b}} {{a}}", null, null));

    assertThat(saved.variables()).containsExactly("a", "b");
    assertThat(saved.locale()).isEqualTo("es-MX");
  }

  @Test
  void sendWithTemplateRendersItsVariables() {
    when(templates.resolve("table-ready", "en")).thenReturn(Optional.of(READY));

    ValidatedMessage message =
        validator.validate("k1", send("sms", Map.of("name", "Ada", "size", "4")));

    assertThat(message.request().body()).isEqualTo("Hi Ada, your table for 4 is ready.");
    assertThat(message.request().contentSid()).isNull(); // Only WhatsApp carries the template.
  }

  @Test
  void sendWithMissingVariablesIsRefusedNamingThem() {
    when(templates.resolve("table-ready", "en")).thenReturn(Optional.of(READY));

    assertThatThrownBy(() -> validator.validate("k2", send("sms", Map.of("name", "Ada"))))
        .isInstanceOfSatisfying(
            TemplateText.MissingVariablesException.class,
            e -> assertThat(e.names()).containsExactly("size"));
  }

  @Test
  void whatsAppSendCarriesTheApprovedTemplateWithNumberedVariables() {
    when(templates.resolve("table-ready", "en")).thenReturn(Optional.of(READY));

    ValidatedMessage message =
        validator.validate("k3", send("whatsapp", Map.of("name", "Ada", "size", "4")));

    assertThat(message.request().contentSid()).isEqualTo("HX0123456789abcdef0123456789abcdef");
    assertThat(message.request().contentVariables()).isEqualTo("{\"1\":\"Ada\",\"2\":\"4\"}");
  }

  @Test
  void unknownTemplateIsRefused() {
    when(templates.resolve("nope", "en")).thenReturn(Optional.empty());
    SendMessageRequest request =
        new SendMessageRequest(
            "+14155550100",
            "+14155550199",
            null,
            null,
            "sms",
            null,
            null,
            null,
            null,
            null,
            null,
            "nope",
            null,
            Map.of());

    assertThatThrownBy(() -> validator.validate("k4", request))
        .isInstanceOf(InvalidMessageException.class)
        .hasMessageContaining("No template 'nope'");
  }

  private static SendMessageRequest send(String channel, Map<String, String> variables) {
    return new SendMessageRequest(
        "+14155550100",
        "+14155550199",
        null,
        null,
        channel,
        null,
        null,
        null,
        null,
        null,
        null,
        "table-ready",
        null,
        variables);
  }
}

package io.switchboard.simulator.magic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.twilio.exception.ApiException;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.type.PhoneNumber;
import io.switchboard.simulator.testsupport.SimulatorTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Twilio's test-credential magic numbers, each with the error code Twilio documents. */
class MagicNumbersTest extends SimulatorTest {

  @ParameterizedTest(name = "message from {0} to {1} is refused with {2}")
  @CsvSource({
    "+15005550001, +14155550100, 21212",
    "+15005550007, +14155550100, 21606",
    "+15005550008, +14155550100, 21611",
    "+15005550006, +15005550001, 21211",
    "+15005550006, +15005550002, 21612",
    "+15005550006, +15005550003, 21408",
    "+15005550006, +15005550004, 21610",
    "+15005550006, +15005550009, 21614"
  })
  void messageMagicNumbersAreRefusedWithTwilioCodes(String from, String to, int code) {
    ApiException refused =
        catchThrowableOfType(
            ApiException.class,
            () ->
                Message.creator(new PhoneNumber(to), new PhoneNumber(from), "magic")
                    .create(twilio));

    assertThat(refused.getCode()).isEqualTo(code);
    assertThat(refused.getStatusCode()).isEqualTo(400);
    assertThat(refused.getMoreInfo()).endsWith("/" + code);
  }

  @Test
  void validMagicSenderPasses() {
    Message message =
        Message.creator(new PhoneNumber("+14155550100"), new PhoneNumber("+15005550006"), "ok")
            .create(twilio);

    assertThat(message.getStatus()).isEqualTo(Message.Status.QUEUED);
  }

  @Test
  void magicRecipientBehindAChannelPrefixIsRefusedToo() {
    ApiException refused =
        catchThrowableOfType(
            ApiException.class,
            () ->
                Message.creator(
                        new PhoneNumber("whatsapp:+15005550004"),
                        new PhoneNumber("whatsapp:+15005550006"),
                        "x")
                    .create(twilio));

    assertThat(refused.getCode()).isEqualTo(21610);
  }
}

package io.switchboard.simulator.testsupport;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The oracle itself bites: shapes Twilio does not document fail. */
class OpenApiContractTest {

  private static final String URL =
      "https://api.twilio.com/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Messages/SM0123456789abcdef0123456789abcdef.json";

  private static String message(String status, String dateCreated, String extra) {
    return "{\"sid\":\"SM0123456789abcdef0123456789abcdef\",\"status\":"
        + status
        + ",\"date_created\":"
        + dateCreated
        + ",\"body\":null"
        + extra
        + "}";
  }

  @Test
  void acceptsNullWhereTwilioSaysNullable() {
    assertThatCode(
            () ->
                OpenApiContract.assertValidResponse(
                    "GET",
                    URL,
                    200,
                    message("\"queued\"", "\"Thu, 30 Jul 2015 20:12:31 +0000\"", "")))
        .doesNotThrowAnyException();
  }

  @Test
  void rejectsAFieldTwilioDoesNotDocument() {
    assertThatThrownBy(
            () ->
                OpenApiContract.assertValidResponse(
                    "GET", URL, 200, message("\"queued\"", "null", ",\"annotation\":null")))
        .hasMessageContaining("annotation");
  }

  @Test
  void rejectsAStatusOutsideTwilioEnum() {
    assertThatThrownBy(
            () ->
                OpenApiContract.assertValidResponse(
                    "GET", URL, 200, message("\"initiated\"", "null", "")))
        .hasMessageContaining("status");
  }

  @Test
  void rejectsADateNotInRfc2822() {
    assertThatThrownBy(
            () ->
                OpenApiContract.assertValidResponse(
                    "GET", URL, 200, message("\"queued\"", "\"2015-07-30T20:12:31Z\"", "")))
        .hasMessageContaining("date_created");
  }

  @Test
  void rejectsAnErrorWithoutTwilioErrorFields() {
    assertThatThrownBy(
            () -> OpenApiContract.assertValidResponse("GET", URL, 404, "{\"error\":\"not found\"}"))
        .hasMessageContaining("code");
  }
}

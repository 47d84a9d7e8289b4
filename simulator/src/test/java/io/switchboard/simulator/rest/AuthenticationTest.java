package io.switchboard.simulator.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.type.PhoneNumber;
import io.switchboard.simulator.testsupport.SimulatorTest;
import io.switchboard.simulator.testsupport.ValidatingHttpClient;
import org.junit.jupiter.api.Test;

class AuthenticationTest extends SimulatorTest {

  @Test
  void refusesWrongAuthTokenWithTwilioCode20003() {
    TwilioRestClient intruder =
        new TwilioRestClient.Builder(ACCOUNT_SID, "not-the-token")
            .httpClient(new ValidatingHttpClient(twilioBaseUrl()))
            .build();

    ApiException refused =
        catchThrowableOfType(
            ApiException.class,
            () ->
                Message.creator(new PhoneNumber(HANDSET), new PhoneNumber(VALID_FROM), "hi")
                    .create(intruder));

    assertThat(refused.getCode()).isEqualTo(20003);
    assertThat(refused.getStatusCode()).isEqualTo(401);
  }

  @Test
  void refusesRequestsWithoutCredentials() throws Exception {
    var response =
        send(
            "GET", "/simulator/twilio/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json", null);
    // send() always authenticates, so strip it with a raw request instead.
    var raw =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(
                            "http://localhost:"
                                + port
                                + "/simulator/twilio/2010-04-01/Accounts/"
                                + ACCOUNT_SID
                                + "/Messages.json"))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(raw.statusCode()).isEqualTo(401);
    assertThat(raw.body()).contains("\"code\":20003");
    io.switchboard.simulator.testsupport.OpenApiContract.assertValidResponse(
        "GET",
        "https://api.twilio.com/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json",
        401,
        raw.body());
  }

  @Test
  void answersAnotherAccountsPathAsNotFound() {
    TwilioRestClient other =
        new TwilioRestClient.Builder(ACCOUNT_SID, AUTH_TOKEN)
            .accountSid("ACffffffffffffffffffffffffffffffff")
            .httpClient(new ValidatingHttpClient(twilioBaseUrl()))
            .build();

    ApiException refused =
        catchThrowableOfType(
            ApiException.class,
            () -> Message.fetcher("SM00000000000000000000000000000000").fetch(other));

    assertThat(refused.getCode()).isEqualTo(20404);
  }
}

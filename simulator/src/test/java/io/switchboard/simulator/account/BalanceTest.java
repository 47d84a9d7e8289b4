package io.switchboard.simulator.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.twilio.rest.api.v2010.account.Balance;
import io.switchboard.simulator.testsupport.SimulatorTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The Balance resource through twilio-java, every answer validated against Twilio's OpenAPI. */
class BalanceTest extends SimulatorTest {

  @Autowired AccountBalance balance;

  @AfterEach
  void restore() {
    balance.set(AccountBalance.INITIAL);
  }

  @Test
  void balanceIsFetchedAsTwilioDocumentsIt() {
    Balance fetched = Balance.fetcher().fetch(twilio);

    assertThat(fetched.getAccountSid()).isEqualTo(ACCOUNT_SID);
    assertThat(fetched.getBalance()).isEqualTo("25.00");
    assertThat(fetched.getCurrency()).isEqualTo("USD");
  }

  @Test
  void controlApiSetsTheBalanceTwilioReports() throws Exception {
    HttpResponse<String> set =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(twilioBaseUrl().replace("/twilio", "/api/balance")))
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"balance\":\"3.10\"}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(set.statusCode()).isEqualTo(200);
    assertThat(Balance.fetcher().fetch(twilio).getBalance()).isEqualTo("3.10");
  }
}

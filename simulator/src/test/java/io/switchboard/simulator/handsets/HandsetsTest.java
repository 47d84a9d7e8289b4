package io.switchboard.simulator.handsets;

import static org.assertj.core.api.Assertions.assertThat;

import com.twilio.rest.api.v2010.account.Message;
import com.twilio.type.PhoneNumber;
import io.switchboard.simulator.testsupport.SimulatorTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HandsetsTest extends SimulatorTest {

  private String inbox(String number) throws Exception {
    return send(
            "GET",
            "/simulator/api/handsets/"
                + URLEncoder.encode(number, StandardCharsets.UTF_8)
                + "/messages",
            null)
        .body();
  }

  private String awaitInbox(String number, String expected) throws Exception {
    for (int i = 0; i < 300; i++) {
      String body = inbox(number);
      if (body.contains(expected)) {
        return body;
      }
      sleep(10);
    }
    throw new AssertionError("handset never received " + expected);
  }

  @Test
  void listsWhatEachHandsetReceivedOnceDelivered() throws Exception {
    Message first =
        Message.creator(new PhoneNumber(HANDSET), new PhoneNumber(VALID_FROM), "first")
            .create(twilio);
    Message.creator(new PhoneNumber(HANDSET), new PhoneNumber(VALID_FROM), "second").create(twilio);
    Message.creator(new PhoneNumber("+14155550199"), new PhoneNumber(VALID_FROM), "elsewhere")
        .create(twilio);

    String received = awaitInbox(HANDSET, "second");

    assertThat(received).contains(first.getSid(), "\"from\":\"" + VALID_FROM + "\"", "first");
    assertThat(received).doesNotContain("elsewhere");
    assertThat(inbox("+14155550123")).isEqualTo("[]");
  }

  @Test
  void undeliveredMessagesNeverReachTheHandset() throws Exception {
    send(
        "POST",
        "/simulator/api/faults",
        "{\"type\":\"DELIVERY_FAILURE\",\"status\":\"undelivered\"}");
    Message message =
        Message.creator(new PhoneNumber(HANDSET), new PhoneNumber(VALID_FROM), "lost")
            .create(twilio);

    while (Message.fetcher(message.getSid()).fetch(twilio).getStatus()
        != Message.Status.UNDELIVERED) {
      sleep(10);
    }

    assertThat(inbox(HANDSET)).isEqualTo("[]");
  }

  @Test
  void resettingStateForgetsMessagesHandsetsAndFaults() throws Exception {
    Message message =
        Message.creator(new PhoneNumber(HANDSET), new PhoneNumber(VALID_FROM), "before")
            .create(twilio);
    awaitInbox(HANDSET, "before");
    send("POST", "/simulator/api/faults", "{\"type\":\"LATENCY\",\"delayMillis\":1}");

    int status = send("DELETE", "/simulator/api/state", null).statusCode();

    assertThat(status).isEqualTo(204);
    assertThat(inbox(HANDSET)).isEqualTo("[]");
    assertThat(send("GET", "/simulator/api/faults", null).body()).isEqualTo("[]");
    assertThat(
            send(
                    "GET",
                    "/simulator/twilio/2010-04-01/Accounts/"
                        + ACCOUNT_SID
                        + "/Messages/"
                        + message.getSid()
                        + ".json",
                    null)
                .statusCode())
        .isEqualTo(404);
  }
}

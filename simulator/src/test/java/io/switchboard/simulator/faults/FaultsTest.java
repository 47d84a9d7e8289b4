package io.switchboard.simulator.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.type.PhoneNumber;
import io.switchboard.simulator.testsupport.CallbackReceiver.Received;
import io.switchboard.simulator.testsupport.SimulatorTest;
import io.switchboard.simulator.testsupport.ValidatingHttpClient;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.util.Timeout;
import org.junit.jupiter.api.Test;

class FaultsTest extends SimulatorTest {

  private void fault(String json) throws Exception {
    assertThat(send("POST", "/simulator/api/faults", json).statusCode()).isEqualTo(201);
  }

  private Message message(String to) {
    return Message.creator(new PhoneNumber(to), new PhoneNumber(VALID_FROM), "hi").create(twilio);
  }

  private Message messageWithCallback(String name) {
    return Message.creator(new PhoneNumber(HANDSET), new PhoneNumber(VALID_FROM), "hi")
        .setStatusCallback(URI.create(callbackUrl(name)))
        .create(twilio);
  }

  @Test
  void latencyDelaysEveryRequest() throws Exception {
    fault("{\"type\":\"LATENCY\",\"delayMillis\":400}");

    long start = System.nanoTime();
    message(HANDSET);

    assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(400);
  }

  @Test
  void rateLimitRefusesWith429AndCode20429OnlyForTheNumberNamed() throws Exception {
    fault("{\"type\":\"RATE_LIMIT\",\"number\":\"" + HANDSET + "\"}");

    ApiException refused = catchThrowableOfType(ApiException.class, () -> message(HANDSET));
    Message other = message("+14155550111");

    assertThat(refused.getCode()).isEqualTo(20429);
    assertThat(refused.getStatusCode()).isEqualTo(429);
    assertThat(other.getSid()).startsWith("SM");
  }

  @Test
  void serverErrorFailsWith500AndCode20500AfterTwilioJavasRetries() throws Exception {
    fault("{\"type\":\"SERVER_ERROR\",\"httpStatus\":500}");

    ApiException refused = catchThrowableOfType(ApiException.class, () -> message(HANDSET));

    assertThat(refused.getCode()).isEqualTo(20500);
    assertThat(refused.getStatusCode()).isEqualTo(500);
    send("DELETE", "/simulator/api/faults", null);
    assertThat(Message.reader().read(twilio).iterator().hasNext()).isFalse();
  }

  @Test
  void serviceUnavailableFailsWith503AndCode20503() throws Exception {
    fault("{\"type\":\"SERVER_ERROR\",\"httpStatus\":503}");

    ApiException refused = catchThrowableOfType(ApiException.class, () -> message(HANDSET));

    assertThat(refused.getCode()).isEqualTo(20503);
    assertThat(refused.getStatusCode()).isEqualTo(503);
  }

  @Test
  void aServerErrorThatStrikesOnceIsRecoveredByTwilioJavasRetry() throws Exception {
    fault("{\"type\":\"SERVER_ERROR\",\"httpStatus\":503,\"remaining\":1}");

    Message message = message(HANDSET);

    assertThat(message.getSid()).startsWith("SM");
    assertThat(send("GET", "/simulator/api/faults", null).body()).isEqualTo("[]");
  }

  @Test
  void timeoutAfterSuccessCreatesTheMessageButAnswersTooLate() throws Exception {
    fault(
        "{\"type\":\"TIMEOUT_AFTER_SUCCESS\",\"delayMillis\":1500,\"number\":\"" + HANDSET + "\"}");
    TwilioRestClient impatient =
        new TwilioRestClient.Builder(ACCOUNT_SID, AUTH_TOKEN)
            .httpClient(
                new ValidatingHttpClient(
                    twilioBaseUrl(),
                    RequestConfig.custom().setResponseTimeout(Timeout.ofMilliseconds(500)).build(),
                    SocketConfig.custom().setSoTimeout(Timeout.ofMilliseconds(500)).build()))
            .build();

    long start = System.nanoTime();
    ApiException timedOut =
        catchThrowableOfType(
            ApiException.class,
            () ->
                Message.creator(new PhoneNumber(HANDSET), new PhoneNumber(VALID_FROM), "once")
                    .create(impatient));
    long waited = (System.nanoTime() - start) / 1_000_000;
    List<Message> listed = new ArrayList<>();
    Message.reader().read(twilio).forEach(listed::add);

    assertThat(waited).as("gave up before the answer").isLessThan(1400);
    assertThat(timedOut).hasMessageContaining("timed out");
    assertThat(listed).extracting(Message::getBody).containsExactly("once");
  }

  @Test
  void duplicateCallbacksArriveTwiceWithTheSameIdempotencyToken() throws Exception {
    fault("{\"type\":\"DUPLICATE_CALLBACKS\"}");
    messageWithCallback("dup");

    List<Received> received = callbacks.awaitCount("dup", 6);

    assertThat(received).hasSize(6).allMatch(Received::signatureValid);
    assertThat(received).extracting(Received::idempotencyToken).doesNotContainNull().hasSize(6);
    assertThat(received.stream().map(Received::idempotencyToken).distinct()).hasSize(3);
    assertThat(received)
        .extracting(r -> r.get("MessageStatus"))
        .containsExactly("sending", "sending", "sent", "sent", "delivered", "delivered");
  }

  @Test
  void outOfOrderCallbacksArriveNewestFirst() throws Exception {
    fault("{\"type\":\"OUT_OF_ORDER_CALLBACKS\",\"number\":\"" + HANDSET + "\"}");
    messageWithCallback("shuffled");

    List<Received> received = callbacks.awaitCount("shuffled", 3);

    assertThat(received)
        .extracting(r -> r.get("MessageStatus"))
        .containsExactly("delivered", "sent", "sending");
  }

  @Test
  void missingCallbacksDropsOnlyTheStatusNamed() throws Exception {
    fault("{\"type\":\"MISSING_CALLBACKS\",\"status\":\"sent\"}");
    messageWithCallback("gappy");

    List<Received> received = callbacks.awaitCount("gappy", 2);

    assertThat(received)
        .extracting(r -> r.get("MessageStatus"))
        .containsExactly("sending", "delivered");
  }

  @Test
  void missingCallbacksWithoutAStatusDropsThemAll() throws Exception {
    fault("{\"type\":\"MISSING_CALLBACKS\"}");
    Message message = messageWithCallback("silent");

    while (Message.fetcher(message.getSid()).fetch(twilio).getStatus()
        != Message.Status.DELIVERED) {
      sleep(10);
    }
    sleep(100);

    assertThat(callbacks.named("silent")).isEmpty();
  }

  @Test
  void faultsAreListedRemovedOneByOneAndCleared() throws Exception {
    fault("{\"type\":\"LATENCY\",\"delayMillis\":1}");
    var second =
        send(
            "POST",
            "/simulator/api/faults",
            "{\"type\":\"RATE_LIMIT\",\"number\":\"+14155550123\"}");
    String id = second.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");

    String listed = send("GET", "/simulator/api/faults", null).body();
    int removed = send("DELETE", "/simulator/api/faults/" + id, null).statusCode();
    String afterRemoval = send("GET", "/simulator/api/faults", null).body();
    int cleared = send("DELETE", "/simulator/api/faults", null).statusCode();
    String afterClear = send("GET", "/simulator/api/faults", null).body();

    assertThat(listed).contains("LATENCY", "RATE_LIMIT", "+14155550123");
    assertThat(removed).isEqualTo(204);
    assertThat(afterRemoval).contains("LATENCY").doesNotContain("RATE_LIMIT");
    assertThat(cleared).isEqualTo(204);
    assertThat(afterClear).isEqualTo("[]");
  }

  @Test
  void aFaultWithoutTypeIsRefused() throws Exception {
    assertThat(send("POST", "/simulator/api/faults", "{\"number\":\"+1\"}").statusCode())
        .isEqualTo(400);
  }
}

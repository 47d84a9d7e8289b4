package io.switchboard.simulator.calls;

import static org.assertj.core.api.Assertions.assertThat;

import com.twilio.http.HttpMethod;
import com.twilio.rest.api.v2010.account.Call;
import com.twilio.type.PhoneNumber;
import io.switchboard.simulator.testsupport.CallbackReceiver.Received;
import io.switchboard.simulator.testsupport.SimulatorTest;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallLifecycleTest extends SimulatorTest {

  private com.twilio.rest.api.v2010.account.CallCreator creator(String statusName) {
    return Call.creator(
            new PhoneNumber(HANDSET), new PhoneNumber(VALID_FROM), URI.create(callbackUrl("voice")))
        .setStatusCallback(URI.create(callbackUrl(statusName) + "?workflow=call%3A1"));
  }

  @Test
  void reportsInitiatedRingingAnsweredCompletedInOrderWhenAllAreAskedFor() {
    Call call =
        creator("status")
            .setStatusCallbackEvent(List.of("initiated", "ringing", "answered", "completed"))
            .create(twilio);

    List<Received> received = callbacks.awaitCount("status", 4);

    assertThat(received)
        .extracting(r -> r.get("CallStatus"))
        .containsExactly("initiated", "ringing", "in-progress", "completed");
    assertThat(received)
        .extracting(r -> r.get("SequenceNumber"))
        .containsExactly("0", "1", "2", "3");
    assertThat(received).allMatch(Received::signatureValid);
    assertThat(received)
        .extracting(Received::idempotencyToken)
        .doesNotContainNull()
        .doesNotHaveDuplicates();
    assertThat(received)
        .allSatisfy(
            r -> {
              assertThat(r.get("CallSid")).isEqualTo(call.getSid());
              assertThat(r.get("AccountSid")).isEqualTo(ACCOUNT_SID);
              assertThat(r.get("Direction")).isEqualTo("outbound-api");
              assertThat(r.get("CallbackSource")).isEqualTo("call-progress-events");
              assertThat(r.get("Timestamp")).isNotBlank();
              assertThat(r.get("workflow")).isEqualTo("call:1");
              assertThat(r.get("AnsweredBy")).isNull();
            });
    assertThat(received.get(3).get("CallDuration")).matches("\\d+");
  }

  @Test
  void theTranscriptShowsWhatTheCallHeardAndAnUnknownCallIsNotFound() throws Exception {
    Call call =
        Call.creator(
                new PhoneNumber(HANDSET),
                new PhoneNumber(VALID_FROM),
                new com.twilio.type.Twiml("<Response><Say>Your table is ready.</Say></Response>"))
            .setStatusCallback(URI.create(callbackUrl("heard")))
            .create(twilio);
    callbacks.awaitCount("heard", 1);

    String transcript =
        send("GET", "/simulator/api/calls/" + call.getSid() + "/transcript", null).body();
    int unknown =
        send("GET", "/simulator/api/calls/CA0123456789abcdef0123456789abcdef/transcript", null)
            .statusCode();

    assertThat(transcript).contains("Your table is ready.");
    assertThat(unknown).isEqualTo(404);
  }

  @Test
  void reportsOnlyCompletedByDefault() {
    creator("status").create(twilio);

    List<Received> received = callbacks.awaitCount("status", 1);

    assertThat(received).extracting(r -> r.get("CallStatus")).containsExactly("completed");
    assertThat(received.get(0).get("SequenceNumber")).isEqualTo("0");
  }

  @Test
  void reportsOnlyTheEventsAskedFor() {
    creator("status").setStatusCallbackEvent(List.of("answered")).create(twilio);

    sleep(300);
    List<Received> received = callbacks.named("status");

    assertThat(received).extracting(r -> r.get("CallStatus")).containsExactly("in-progress");
  }

  @Test
  void usesGetWhenStatusCallbackMethodSaysSo() {
    creator("status").setStatusCallbackMethod(HttpMethod.GET).create(twilio);

    List<Received> received = callbacks.awaitCount("status", 1);

    assertThat(received.get(0).method()).isEqualTo("GET");
    assertThat(received.get(0).signatureValid()).isTrue();
  }

  @Test
  void machineDetectionReportsAnsweredBy() {
    Call call =
        creator("status")
            .setMachineDetection("Enable")
            .setStatusCallbackEvent(List.of("answered", "completed"))
            .create(twilio);

    List<Received> received = callbacks.awaitCount("status", 2);

    assertThat(received).extracting(r -> r.get("AnsweredBy")).containsExactly("human", "human");
    assertThat(Call.fetcher(call.getSid()).fetch(twilio).getAnsweredBy()).isEqualTo("human");
  }

  @Test
  void callOutcomeFaultMakesAMachineAnswer() throws Exception {
    send(
        "POST",
        "/simulator/api/faults",
        "{\"type\":\"CALL_OUTCOME\",\"number\":\""
            + HANDSET
            + "\",\"answeredBy\":\"machine_start\"}");
    creator("status").setMachineDetection("DetectMessageEnd").create(twilio);

    List<Received> received = callbacks.awaitCount("status", 1);

    assertThat(received.get(0).get("AnsweredBy")).isEqualTo("machine_start");
  }

  @Test
  void busyOutcomeEndsTheCallBusyWithoutRunningTwiml() throws Exception {
    send("POST", "/simulator/api/faults", "{\"type\":\"CALL_OUTCOME\",\"status\":\"busy\"}");
    Call call = creator("status").create(twilio);

    List<Received> received = callbacks.awaitCount("status", 1);

    assertThat(received.get(0).get("CallStatus")).isEqualTo("busy");
    assertThat(received.get(0).get("CallDuration")).isEqualTo("0");
    assertThat(Call.fetcher(call.getSid()).fetch(twilio).getStatus()).isEqualTo(Call.Status.BUSY);
    assertThat(callbacks.named("voice")).isEmpty();
  }

  @Test
  void noAnswerAndFailedOutcomesAreReportedAsSuch() throws Exception {
    send(
        "POST",
        "/simulator/api/faults",
        "{\"type\":\"CALL_OUTCOME\",\"status\":\"no-answer\",\"remaining\":1}");
    send(
        "POST",
        "/simulator/api/faults",
        "{\"type\":\"CALL_OUTCOME\",\"status\":\"failed\",\"remaining\":1}");
    creator("first").create(twilio);
    creator("second").create(twilio);

    assertThat(callbacks.awaitCount("first", 1).get(0).get("CallStatus")).isEqualTo("no-answer");
    assertThat(callbacks.awaitCount("second", 1).get(0).get("CallStatus")).isEqualTo("failed");
  }

  @Test
  void aCallRingingLongerThanItsTimeoutEndsNoAnswer() throws Exception {
    send("POST", "/simulator/api/faults", "{\"type\":\"CALL_OUTCOME\",\"delayMillis\":60000}");
    long start = System.nanoTime();
    Call call = creator("status").setTimeout(5).create(twilio);

    List<Received> received = callbacks.awaitCount("status", 1);

    assertThat(received.get(0).get("CallStatus")).isEqualTo("no-answer");
    assertThat((System.nanoTime() - start) / 1_000_000).isBetween(4900L, 9000L);
    assertThat(Call.fetcher(call.getSid()).fetch(twilio).getStatus())
        .isEqualTo(Call.Status.NO_ANSWER);
  }

  @Test
  void outOfOrderCallbacksAreReleasedEvenWhenCompletedIsNotAskedFor() throws Exception {
    send("POST", "/simulator/api/faults", "{\"type\":\"OUT_OF_ORDER_CALLBACKS\"}");
    creator("status").setStatusCallbackEvent(List.of("initiated", "ringing")).create(twilio);

    List<Received> received = callbacks.awaitCount("status", 2);

    assertThat(received)
        .extracting(r -> r.get("CallStatus"))
        .containsExactly("ringing", "initiated");
  }
}

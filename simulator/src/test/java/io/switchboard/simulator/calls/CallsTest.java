package io.switchboard.simulator.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.twilio.exception.ApiException;
import com.twilio.rest.api.v2010.account.Call;
import com.twilio.type.PhoneNumber;
import com.twilio.type.Twiml;
import io.switchboard.simulator.testsupport.SimulatorTest;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallsTest extends SimulatorTest {

  private Call call(String voiceName) {
    return Call.creator(
            new PhoneNumber(HANDSET),
            new PhoneNumber(VALID_FROM),
            URI.create(callbackUrl(voiceName)))
        .create(twilio);
  }

  private Call awaitStatus(String sid, Call.Status status) {
    for (int i = 0; i < 300; i++) {
      Call call = Call.fetcher(sid).fetch(twilio);
      if (call.getStatus() == status) {
        return call;
      }
      sleep(10);
    }
    throw new AssertionError("call never reached " + status);
  }

  @Test
  void createsAQueuedOutboundCallThatCanBeFetchedAndListed() {
    Call created = call("voice");

    Call fetched = Call.fetcher(created.getSid()).fetch(twilio);
    List<Call> listed = new ArrayList<>();
    Call.reader().setTo(new PhoneNumber(HANDSET)).read(twilio).forEach(listed::add);

    assertThat(created.getSid()).startsWith("CA").hasSize(34);
    assertThat(created.getStatus()).isEqualTo(Call.Status.QUEUED);
    assertThat(created.getDirection()).isEqualTo("outbound-api");
    assertThat(fetched.getTo()).isEqualTo(HANDSET);
    assertThat(listed).extracting(Call::getSid).containsExactly(created.getSid());
  }

  @Test
  void answeredCallFetchesItsTwimlFromUrlSignedAndCompletes() {
    Call created = call("voice");

    var requests = callbacks.await("voice", list -> !list.isEmpty());
    Call completed = awaitStatus(created.getSid(), Call.Status.COMPLETED);

    assertThat(requests.get(0).signatureValid()).isTrue();
    assertThat(requests.get(0).get("CallSid")).isEqualTo(created.getSid());
    assertThat(requests.get(0).get("CallStatus")).isEqualTo("in-progress");
    assertThat(completed.getEndTime()).isNotNull();
    assertThat(completed.getDuration()).isNotNull();
  }

  @Test
  void createsACallWithInlineTwiml() {
    Call created =
        Call.creator(
                new PhoneNumber(HANDSET),
                new PhoneNumber(VALID_FROM),
                new Twiml("<Response><Hangup/></Response>"))
            .create(twilio);

    assertThat(awaitStatus(created.getSid(), Call.Status.COMPLETED).getSid())
        .isEqualTo(created.getSid());
  }

  @Test
  void hangingUpAnInProgressCallCompletesIt() {
    Call created = call("slow-voice");
    awaitStatus(created.getSid(), Call.Status.IN_PROGRESS);

    Call updated =
        Call.updater(created.getSid()).setStatus(Call.UpdateStatus.COMPLETED).update(twilio);

    assertThat(updated.getStatus()).isEqualTo(Call.Status.COMPLETED);
  }

  @Test
  void cancelingARingingCallCancelsIt() throws Exception {
    send("POST", "/simulator/api/faults", "{\"type\":\"CALL_OUTCOME\",\"delayMillis\":5000}");
    Call created = call("voice");
    awaitStatus(created.getSid(), Call.Status.RINGING);

    Call updated =
        Call.updater(created.getSid()).setStatus(Call.UpdateStatus.CANCELED).update(twilio);

    assertThat(updated.getStatus()).isEqualTo(Call.Status.CANCELED);
    assertThat(callbacks.named("voice")).isEmpty();
  }

  @Test
  void redirectingAnInProgressCallRunsTheNewUrl() {
    Call created = call("slow-voice");
    awaitStatus(created.getSid(), Call.Status.IN_PROGRESS);

    Call.updater(created.getSid()).setUrl(URI.create(callbackUrl("redirected"))).update(twilio);

    var redirected = callbacks.await("redirected", list -> !list.isEmpty());
    assertThat(redirected.get(0).get("CallSid")).isEqualTo(created.getSid());
  }

  @Test
  void redirectingAnEndedCallIsRefusedWith21220() {
    Call created = call("voice");
    awaitStatus(created.getSid(), Call.Status.COMPLETED);

    ApiException refused =
        catchThrowableOfType(
            ApiException.class,
            () ->
                Call.updater(created.getSid())
                    .setUrl(URI.create(callbackUrl("late")))
                    .update(twilio));

    assertThat(refused.getCode()).isEqualTo(21220);
  }

  @Test
  void unknownCallIsNotFoundWith20404() {
    ApiException refused =
        catchThrowableOfType(
            ApiException.class,
            () -> Call.fetcher("CA0123456789abcdef0123456789abcdef").fetch(twilio));

    assertThat(refused.getCode()).isEqualTo(20404);
  }

  @Test
  void listFiltersByStatus() {
    Call done = call("voice");
    awaitStatus(done.getSid(), Call.Status.COMPLETED);
    Call live = call("slow-voice");
    awaitStatus(live.getSid(), Call.Status.IN_PROGRESS);

    List<Call> inProgress = new ArrayList<>();
    Call.reader().setStatus(Call.Status.IN_PROGRESS).read(twilio).forEach(inProgress::add);

    assertThat(inProgress).extracting(Call::getSid).containsExactly(live.getSid());
  }
}

package io.switchboard.simulator.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.twilio.rest.api.v2010.account.Message;
import com.twilio.type.PhoneNumber;
import io.switchboard.simulator.testsupport.CallbackReceiver.Received;
import io.switchboard.simulator.testsupport.SimulatorTest;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageLifecycleTest extends SimulatorTest {

  private Message send(String to, String callbackName) {
    return Message.creator(new PhoneNumber(to), new PhoneNumber(VALID_FROM), "Hello")
        .setStatusCallback(URI.create(callbackUrl(callbackName) + "?workflow=message%3Aabc"))
        .create(twilio);
  }

  @Test
  void movesFromQueuedThroughSendingSentDeliveredWithASignedCallbackAtEachChange() {
    Message message = send(HANDSET, "status");

    List<Received> received = callbacks.awaitCount("status", 3);

    assertThat(received)
        .extracting(r -> r.get("MessageStatus"))
        .containsExactly("sending", "sent", "delivered");
    assertThat(received).allMatch(Received::signatureValid, "signed with the auth token");
    assertThat(received)
        .allSatisfy(
            r -> {
              assertThat(r.method()).isEqualTo("POST");
              assertThat(r.get("MessageSid")).isEqualTo(message.getSid());
              assertThat(r.get("SmsSid")).isEqualTo(message.getSid());
              assertThat(r.get("SmsStatus")).isEqualTo(r.get("MessageStatus"));
              assertThat(r.get("AccountSid")).isEqualTo(ACCOUNT_SID);
              assertThat(r.get("From")).isEqualTo(VALID_FROM);
              assertThat(r.get("To")).isEqualTo(HANDSET);
              assertThat(r.get("ApiVersion")).isEqualTo("2010-04-01");
              assertThat(r.get("workflow")).isEqualTo("message:abc");
              assertThat(r.get("ErrorCode")).isNull();
            });
    assertThat(received)
        .extracting(Received::idempotencyToken)
        .doesNotContainNull()
        .doesNotHaveDuplicates();
    assertThat(received.get(2).get("RawDlrDoneDate")).matches("\\d{10}");
    Message fetched = Message.fetcher(message.getSid()).fetch(twilio);
    assertThat(fetched.getStatus()).isEqualTo(Message.Status.DELIVERED);
    assertThat(fetched.getDateSent()).isNotNull();
  }

  @Test
  void deliveryFailureFaultEndsUndeliveredWithTheErrorCode() throws Exception {
    send(
        "POST",
        "/simulator/api/faults",
        "{\"type\":\"DELIVERY_FAILURE\",\"number\":\""
            + HANDSET
            + "\",\"status\":\"undelivered\",\"errorCode\":30005}");
    Message message = send(HANDSET, "undelivered");

    List<Received> received = callbacks.awaitCount("undelivered", 3);

    assertThat(received)
        .extracting(r -> r.get("MessageStatus"))
        .containsExactly("sending", "sent", "undelivered");
    assertThat(received.get(2).get("ErrorCode")).isEqualTo("30005");
    Message fetched = Message.fetcher(message.getSid()).fetch(twilio);
    assertThat(fetched.getStatus()).isEqualTo(Message.Status.UNDELIVERED);
    assertThat(fetched.getErrorCode()).isEqualTo(30005);
    assertThat(fetched.getErrorMessage()).isNotBlank();
  }

  @Test
  void deliveryFailureFaultCanFailTheMessageBeforeSending() throws Exception {
    send("POST", "/simulator/api/faults", "{\"type\":\"DELIVERY_FAILURE\",\"status\":\"failed\"}");
    send(HANDSET, "failed");

    List<Received> received = callbacks.awaitCount("failed", 1);

    assertThat(received).extracting(r -> r.get("MessageStatus")).containsExactly("failed");
    assertThat(received.get(0).get("ErrorCode")).isEqualTo("30008");
  }

  @Test
  void sendsNoCallbackWithoutAStatusCallbackUrl() {
    Message message =
        Message.creator(new PhoneNumber(HANDSET), new PhoneNumber(VALID_FROM), "quiet")
            .create(twilio);

    for (int i = 0;
        i < 100
            && Message.fetcher(message.getSid()).fetch(twilio).getStatus()
                != Message.Status.DELIVERED;
        i++) {
      sleep(10);
    }

    assertThat(Message.fetcher(message.getSid()).fetch(twilio).getStatus())
        .isEqualTo(Message.Status.DELIVERED);
    assertThat(callbacks.named("status")).isEmpty();
  }

  @Test
  void aMessageCreatedThroughAMessagingServiceReportsQueuedAfterAccepted() {
    Message message =
        Message.creator(
                new PhoneNumber(HANDSET), "MG0123456789abcdef0123456789abcdef", "via service")
            .setStatusCallback(URI.create(callbackUrl("service")))
            .create(twilio);

    List<Received> received = callbacks.awaitCount("service", 4);

    assertThat(message.getStatus()).isEqualTo(Message.Status.ACCEPTED);
    assertThat(received)
        .extracting(r -> r.get("MessageStatus"))
        .containsExactly("queued", "sending", "sent", "delivered");
    assertThat(received.get(0).get("MessagingServiceSid"))
        .isEqualTo("MG0123456789abcdef0123456789abcdef");
  }

  @Test
  void cancelingAScheduledMessageReportsCanceled() {
    Message scheduled =
        Message.creator(new PhoneNumber(HANDSET), "MG0123456789abcdef0123456789abcdef", "later")
            .setStatusCallback(URI.create(callbackUrl("canceled")))
            .setScheduleType(Message.ScheduleType.FIXED)
            .setSendAt(java.time.ZonedDateTime.now().plusHours(2))
            .create(twilio);

    Message.updater(scheduled.getSid()).setStatus(Message.UpdateStatus.CANCELED).update(twilio);
    List<Received> received = callbacks.awaitCount("canceled", 1);

    assertThat(received.get(0).get("MessageStatus")).isEqualTo("canceled");
  }
}

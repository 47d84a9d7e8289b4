package io.switchboard.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.common.TwilioFailureType;
import org.junit.jupiter.api.Test;

class DeliveryStatusTest {

  private static MessageStatusEvent event(String sid, String status) {
    return new MessageStatusEvent(sid, status, null, null, null);
  }

  @Test
  void statusMovesOnlyForward() {
    DeliveryStatus status = new DeliveryStatus();

    assertThat(status.apply(event("SM1", "sent"))).isEqualTo(DeliveryStatus.Outcome.APPLIED);
    assertThat(status.apply(event("SM1", "queued"))).isEqualTo(DeliveryStatus.Outcome.STALE);
    assertThat(status.apply(event("SM1", "sent"))).isEqualTo(DeliveryStatus.Outcome.STALE);
    assertThat(status.apply(event("SM1", "delivered"))).isEqualTo(DeliveryStatus.Outcome.APPLIED);
    assertThat(status.apply(event("SM1", "read"))).isEqualTo(DeliveryStatus.Outcome.APPLIED);
    assertThat(status.toState("k").status()).isEqualTo("read");
  }

  @Test
  void firstFinalStatusWinsAndKeepsItsErrorCode() {
    DeliveryStatus status = new DeliveryStatus();
    status.apply(new MessageStatusEvent("SM1", "undelivered", 30003, null, null));

    assertThat(status.apply(event("SM1", "delivered"))).isEqualTo(DeliveryStatus.Outcome.STALE);
    assertThat(status.toState("k").errorCode()).isEqualTo(30003);
    assertThat(status.isFinal()).isTrue();
  }

  @Test
  void eventForAnotherMessageIsIgnored() {
    DeliveryStatus status = new DeliveryStatus();
    status.apply(event("SM1", "queued"));

    assertThat(status.apply(event("SM2", "delivered"))).isEqualTo(DeliveryStatus.Outcome.FOREIGN);
    assertThat(status.isFinal()).isFalse();
  }

  @Test
  void twilioErrorsAreClassifiedByCodeThenByHttpStatus() {
    for (int code : new int[] {21211, 21408, 21610, 21612, 21614, 63016}) {
      assertThat(TwilioFailureType.classify(code, 400))
          .isEqualTo(TwilioFailureType.TWILIO_REJECTED);
    }
    for (int code : new int[] {20429, 21611, 30001}) {
      assertThat(TwilioFailureType.classify(code, 400))
          .isEqualTo(TwilioFailureType.TWILIO_THROTTLED);
    }
    assertThat(TwilioFailureType.classify(null, 429)).isEqualTo(TwilioFailureType.TWILIO_THROTTLED);
    assertThat(TwilioFailureType.classify(20500, 500))
        .isEqualTo(TwilioFailureType.TWILIO_UNAVAILABLE);
    assertThat(TwilioFailureType.classify(null, null))
        .isEqualTo(TwilioFailureType.TWILIO_UNAVAILABLE);
    assertThat(TwilioFailureType.classify(21617, 400)).isEqualTo(TwilioFailureType.TWILIO_REJECTED);
  }
}

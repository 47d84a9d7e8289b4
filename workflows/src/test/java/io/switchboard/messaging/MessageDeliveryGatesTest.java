package io.switchboard.messaging;

import static io.switchboard.messaging.MessageDeliveryWorkflowTest.result;
import static io.switchboard.messaging.MessageDeliveryWorkflowTest.start;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import io.switchboard.messaging.MessagingActivities.SendOutcome;
import io.switchboard.messaging.MessagingActivities.SendRequest;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.client.WorkflowClient;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;

/** What stands between an accepted message and its send: the rate gate, a cancel, the window. */
class MessageDeliveryGatesTest {

  @RegisterExtension
  static final TestWorkflowExtension temporal =
      TestWorkflowExtension.newBuilder()
          .registerWorkflowImplementationTypes(MessageDeliveryWorkflowImpl.class)
          .registerSearchAttribute("MessageSid", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
          .registerSearchAttribute("Channel", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
          .registerSearchAttribute("CommStatus", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
          .setDoNotStart(true)
          .build();

  private static final String SID = MessageDeliveryWorkflowTest.SID;

  private final MessagingActivities activities =
      mock(MessagingActivities.class, withSettings().withoutAnnotations());

  @Test
  void throttledSendWaitsTheGatesAnswerAndAsksAgainWithoutUsingRetries(
      TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    AtomicLong grantedAt = new AtomicLong();
    long startedAt = env.currentTimeMillis();
    // The gate answers "in 90 s" twice, then grants.
    when(activities.sendWithinRate(any()))
        .thenReturn(SendOutcome.throttled(90_000), SendOutcome.throttled(90_000))
        .thenAnswer(
            call -> {
              grantedAt.set(env.currentTimeMillis());
              return SendOutcome.sent(new MessageStatusEvent(SID, "delivered", null, null, null));
            });
    worker.registerActivitiesImplementations(activities);
    env.start();

    MessageState state = result(start(client, worker, sms("t1", "Hi")));

    assertThat(state.status()).isEqualTo("delivered");
    assertThat(grantedAt.get() - startedAt).isGreaterThanOrEqualTo(180_000);
    ArgumentCaptor<SendRequest> sends = ArgumentCaptor.forClass(SendRequest.class);
    verify(activities, times(3)).sendWithinRate(sends.capture());
    // Every ask is the same send: one request id, so the activity stays idempotent.
    assertThat(sends.getAllValues())
        .extracting(SendRequest::requestId)
        .containsOnly(sends.getValue().requestId());
  }

  @Test
  void cancelWhileThrottledEndsCanceledWithoutSending(
      TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    when(activities.sendWithinRate(any())).thenReturn(SendOutcome.throttled(600_000));
    worker.registerActivitiesImplementations(activities);
    env.start();

    MessageDeliveryWorkflow delivery = start(client, worker, sms("t6", "Hi"));
    env.sleep(Duration.ofMinutes(1));
    delivery.cancel();

    assertThat(result(delivery).status()).isEqualTo("canceled");
    verify(activities, times(1)).sendWithinRate(any());
  }

  @Test
  void cancelledScheduledSendEndsCanceledAndNeverSends(
      TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    worker.registerActivitiesImplementations(activities);
    env.start();
    long sendAt = env.currentTimeMillis() + Duration.ofHours(2).toMillis();
    MessageRequest later =
        new MessageRequest(
            "t2", "sms", "+14155550100", "+14155550199", "Hi", List.of(), sendAt, null, 60, null);

    MessageDeliveryWorkflow delivery = start(client, worker, later);
    env.sleep(Duration.ofMinutes(30));
    delivery.cancel();

    MessageState state = result(delivery);
    assertThat(state.status()).isEqualTo("canceled");
    verify(activities, never()).sendWithinRate(any());
  }

  @Test
  void whatsAppOutsideTheSessionWindowSendsItsApprovedTemplate(
      TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    when(activities.isWhatsAppSessionOpen(any())).thenReturn(false);
    when(activities.sendWithinRate(any()))
        .thenReturn(SendOutcome.sent(new MessageStatusEvent(SID, "delivered", null, null, null)));
    worker.registerActivitiesImplementations(activities);
    env.start();

    MessageState state = result(start(client, worker, whatsApp("t3", "HX0123", "{\"1\":\"Ada\"}")));

    assertThat(state.status()).isEqualTo("delivered");
    ArgumentCaptor<SendRequest> send = ArgumentCaptor.forClass(SendRequest.class);
    verify(activities).sendWithinRate(send.capture());
    assertThat(send.getValue().useContent()).isTrue();
    assertThat(send.getValue().request().contentSid()).isEqualTo("HX0123");
  }

  @Test
  void whatsAppInsideTheSessionWindowSendsTheBody(
      TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    when(activities.isWhatsAppSessionOpen(any())).thenReturn(true);
    when(activities.sendWithinRate(any()))
        .thenReturn(SendOutcome.sent(new MessageStatusEvent(SID, "delivered", null, null, null)));
    worker.registerActivitiesImplementations(activities);
    env.start();

    result(start(client, worker, whatsApp("t4", "HX0123", null)));

    ArgumentCaptor<SendRequest> send = ArgumentCaptor.forClass(SendRequest.class);
    verify(activities).sendWithinRate(send.capture());
    assertThat(send.getValue().useContent()).isFalse();
  }

  @Test
  void whatsAppOutsideTheWindowWithoutTemplateFailsWith63016AndNoSend(
      TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    when(activities.isWhatsAppSessionOpen(any())).thenReturn(false);
    worker.registerActivitiesImplementations(activities);
    env.start();

    MessageState state = result(start(client, worker, whatsApp("t5", null, null)));

    assertThat(state.status()).isEqualTo("failed");
    assertThat(state.errorCode()).isEqualTo(63016);
    verify(activities, never()).sendWithinRate(any());
  }

  static MessageRequest sms(String id, String body) {
    return new MessageRequest(
        id, "sms", "+14155550100", "+14155550199", body, List.of(), null, null, 60, null);
  }

  static MessageRequest whatsApp(String id, String contentSid, String variables) {
    return new MessageRequest(
        id,
        "whatsapp",
        "whatsapp:+14155550100",
        "whatsapp:+14155550199",
        "Your order shipped",
        List.of(),
        null,
        null,
        60,
        null,
        contentSid,
        variables);
  }
}

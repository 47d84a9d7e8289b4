package io.switchboard.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import io.switchboard.common.TwilioFailureType;
import io.switchboard.messaging.MessagingActivities.StatusRecord;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;

class MessageDeliveryWorkflowTest {

  @RegisterExtension
  static final TestWorkflowExtension temporal =
      TestWorkflowExtension.newBuilder()
          .registerWorkflowImplementationTypes(MessageDeliveryWorkflowImpl.class)
          .registerSearchAttribute("MessageSid", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
          .registerSearchAttribute("Channel", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
          .registerSearchAttribute("CommStatus", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
          .setDoNotStart(true)
          .build();

  static final String SID = "SM00000000000000000000000000000001";

  private final MessagingActivities activities =
      mock(MessagingActivities.class, withSettings().withoutAnnotations());

  @BeforeEach
  void sessionWindowOpen() {
    // These tests are about delivery; the session window has its own in MessageDeliveryGatesTest.
    when(activities.isWhatsAppSessionOpen(any())).thenReturn(true);
    // The rate gate always grants here (MessageDeliveryGatesTest has it refuse): a send within
    // the rate is the plain send, which these tests script.
    when(activities.sendWithinRate(any()))
        .thenAnswer(
            call ->
                MessagingActivities.SendOutcome.sent(
                    activities.send(call.getArgument(0, MessagingActivities.SendRequest.class))));
  }

  static MessageRequest request(String id) {
    return new MessageRequest(
        id, "sms", "+14155550100", "+14155550199", "Hello", List.of(), null, null, 60, null);
  }

  static MessageStatusEvent event(String status) {
    return new MessageStatusEvent(SID, status, null, null, null);
  }

  @Test
  void finalCallbackEndsTheDeliveryWithEveryStatusRecorded(
      TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    when(activities.send(any())).thenReturn(event("queued"));
    worker.registerActivitiesImplementations(activities);
    env.start();

    MessageDeliveryWorkflow delivery = start(client, worker, request("k1"));
    delivery.messageStatusChanged(event("sending"));
    delivery.messageStatusChanged(event("sent"));
    delivery.messageStatusChanged(event("delivered"));

    MessageState result = result(delivery);
    assertThat(result.status()).isEqualTo("delivered");
    assertThat(result.messageSid()).isEqualTo(SID);
    assertThat(recorded())
        .extracting(StatusRecord::status)
        // Callbacks may overtake the create answer; each status is recorded once all the same.
        .containsExactlyInAnyOrder("queued", "sending", "sent", "delivered");
    verify(activities, never()).fetch(any());
  }

  @Test
  void sidChannelAndStatusArePublishedAsSearchAttributesButNeverNumbers(
      TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    when(activities.send(any())).thenReturn(event("queued"));
    worker.registerActivitiesImplementations(activities);
    env.start();

    MessageDeliveryWorkflow delivery = start(client, worker, request("k13"));
    delivery.messageStatusChanged(event("delivered"));
    result(delivery);

    io.temporal.common.SearchAttributes attributes =
        WorkflowStub.fromTyped(delivery).describe().getTypedSearchAttributes();
    assertThat(attributes.get(io.switchboard.common.SwitchboardSearchAttributes.MESSAGE_SID))
        .isEqualTo(SID);
    assertThat(attributes.get(io.switchboard.common.SwitchboardSearchAttributes.CHANNEL))
        .isEqualTo("sms");
    assertThat(attributes.get(io.switchboard.common.SwitchboardSearchAttributes.COMM_STATUS))
        .isEqualTo("delivered");
    assertThat(attributes.size()).isEqualTo(3);
  }

  @Test
  void duplicateAndOutOfOrderCallbacksCannotMoveTheMessageBackwards(
      TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    when(activities.send(any())).thenReturn(event("queued"));
    worker.registerActivitiesImplementations(activities);
    env.start();

    MessageDeliveryWorkflow delivery = start(client, worker, request("k2"));
    delivery.messageStatusChanged(new MessageStatusEvent(SID, "undelivered", 30003, null, null));
    delivery.messageStatusChanged(event("sent"));
    delivery.messageStatusChanged(event("sent"));

    MessageState result = result(delivery);
    assertThat(result.status()).isEqualTo("undelivered");
    assertThat(result.errorCode()).isEqualTo(30003);
  }

  @Test
  void lateCallbacksAreKeptAsHistoryWithoutChangingTheStatus(
      TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    when(activities.send(any())).thenReturn(event("queued"));
    worker.registerActivitiesImplementations(activities);
    env.start();
    MessageDeliveryWorkflow delivery = start(client, worker, request("k3"));
    // Signals sent before the workflow task runs are handled in one batch, in order.
    delivery.messageStatusChanged(event("delivered"));
    delivery.messageStatusChanged(event("sending"));
    result(delivery);

    assertThat(recorded())
        .filteredOn(record -> record.status().equals("sending"))
        .singleElement()
        .extracting(StatusRecord::applied)
        .isEqualTo(false);
  }

  @Test
  void aDatabaseOutageAtTheFirstWritesIsRiddenOutNotAFailedMessage(
      TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    // PostgreSQL restarting: the accepted row and the consent check fail, then work again.
    org.mockito.Mockito.doThrow(new IllegalStateException("terminating connection"))
        .doNothing()
        .when(activities)
        .recordAccepted(any());
    when(activities.isOptedOut(any()))
        .thenThrow(new IllegalStateException("terminating connection"))
        .thenThrow(new IllegalStateException("connection refused"))
        .thenReturn(false);
    when(activities.send(any())).thenReturn(event("queued"));
    worker.registerActivitiesImplementations(activities);
    env.start();

    MessageDeliveryWorkflow delivery = start(client, worker, request("k-db"));
    delivery.messageStatusChanged(event("delivered"));

    assertThat(result(delivery).status()).isEqualTo("delivered");
    verify(activities, org.mockito.Mockito.times(3)).isOptedOut(any());
    verify(activities).send(any());
  }

  @Test
  void optedOutRecipientFailsAtOnceWithoutCallingTwilio(
      TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    when(activities.isOptedOut(any())).thenReturn(true);
    worker.registerActivitiesImplementations(activities);
    env.start();

    MessageState result = result(start(client, worker, request("k4")));

    assertThat(result.status()).isEqualTo("failed");
    assertThat(result.errorCode()).isEqualTo(MessageDeliveryWorkflowImpl.OPTED_OUT);
    assertThat(result.errorMessage()).contains("opted out");
    verify(activities, never()).send(any());
  }

  @Test
  void twilioRefusalFailsTheMessageAfterOneAttemptWithTwiliosCode(
      TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    when(activities.send(any()))
        .thenThrow(
            ApplicationFailure.newFailure(
                "Invalid 'To' Phone Number", TwilioFailureType.TWILIO_REJECTED.name(), 21211));
    worker.registerActivitiesImplementations(activities);
    env.start();

    MessageState result = result(start(client, worker, request("k5")));

    assertThat(result.status()).isEqualTo("failed");
    assertThat(result.errorCode()).isEqualTo(21211);
    assertThat(result.errorMessage()).isEqualTo("Invalid 'To' Phone Number");
    verify(activities, times(1)).send(any());
  }

  @Test
  void throttledSendIsRetriedWithTheSameRequestIdUntilTwilioAccepts(
      TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    ApplicationFailure throttled =
        ApplicationFailure.newFailure(
            "Too Many Requests", TwilioFailureType.TWILIO_THROTTLED.name(), 20429);
    when(activities.send(any()))
        .thenThrow(throttled, throttled, throttled)
        .thenReturn(event("queued"));
    when(activities.fetch(any())).thenReturn(event("delivered"));
    worker.registerActivitiesImplementations(activities);
    env.start();

    MessageState result = result(start(client, worker, request("k6")));

    assertThat(result.status()).isEqualTo("delivered");
    ArgumentCaptor<MessagingActivities.SendRequest> sends =
        ArgumentCaptor.forClass(MessagingActivities.SendRequest.class);
    verify(activities, times(4)).send(sends.capture());
    assertThat(sends.getAllValues())
        .extracting(MessagingActivities.SendRequest::requestId)
        .containsOnly(sends.getValue().requestId());
  }

  @Test
  void exhaustedRetriesFailTheWorkflowSoOperatorsSeeIt(
      TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    when(activities.send(any()))
        .thenThrow(
            ApplicationFailure.newFailure(
                "Service Unavailable", TwilioFailureType.TWILIO_UNAVAILABLE.name(), 20503));
    worker.registerActivitiesImplementations(activities);
    env.start();

    MessageDeliveryWorkflow delivery = start(client, worker, request("k7"));

    assertThatThrownBy(() -> result(delivery)).isInstanceOf(WorkflowFailedException.class);
    verify(activities, times(8)).send(any());
    assertThat(recorded()).extracting(StatusRecord::status).containsExactly("failed");
  }

  @Test
  void missingFinalCallbackIsResolvedByFetchingFromTwilio(
      TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    when(activities.send(any())).thenReturn(event("queued"));
    when(activities.fetch(any())).thenReturn(event("sent"), event("delivered"));
    worker.registerActivitiesImplementations(activities);
    env.start();

    MessageState result = result(start(client, worker, request("k8")));

    assertThat(result.status()).isEqualTo("delivered");
    verify(activities, times(2)).fetch(new MessagingActivities.FetchRequest(SID));
    assertThat(recorded())
        .extracting(StatusRecord::source)
        .containsExactly("api", "fetch", "fetch");
  }

  @Test
  void scheduledSendWaitsDurablyUntilItsTime(
      TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    when(activities.send(any())).thenReturn(event("delivered"));
    worker.registerActivitiesImplementations(activities);
    env.start();
    long sendAt = env.currentTimeMillis() + Duration.ofHours(2).toMillis();
    MessageRequest later =
        new MessageRequest(
            "k9", "sms", "+14155550100", "+14155550199", "Hi", List.of(), sendAt, null, 60, null);

    MessageDeliveryWorkflow delivery = start(client, worker, later);
    env.sleep(Duration.ofMinutes(119));
    assertThat(delivery.getState().status()).isEqualTo("scheduled");
    verify(activities, never()).send(any());
    env.sleep(Duration.ofMinutes(2));

    assertThat(result(delivery).status()).isEqualTo("delivered");
  }

  @Test
  void quietHoursHoldTheMessageUntilTheWindowEnds(
      TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    when(activities.send(any())).thenReturn(event("delivered"));
    worker.registerActivitiesImplementations(activities);
    env.start();
    // A window covering every minute but the next one's start, in UTC: always quiet now.
    java.time.LocalTime now =
        java.time.Instant.ofEpochMilli(env.currentTimeMillis())
            .atZone(java.time.ZoneOffset.UTC)
            .toLocalTime();
    String start = now.withSecond(0).withNano(0).toString();
    String end = now.plusHours(3).withSecond(0).withNano(0).toString();
    MessageRequest quiet =
        new MessageRequest(
            "k10",
            "sms",
            "+14155550100",
            "+14155550199",
            "Hi",
            List.of(),
            null,
            new QuietHours(start, end, "UTC"),
            60,
            null);

    MessageDeliveryWorkflow delivery = start(client, worker, quiet);
    env.sleep(Duration.ofHours(2));
    verify(activities, never()).send(any());
    env.sleep(Duration.ofHours(1));

    assertThat(result(delivery).status()).isEqualTo("delivered");
  }

  @Test
  void undeliveredWhatsappIsResentBySmsAsAChildDelivery(
      TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    when(activities.send(any()))
        .thenReturn(new MessageStatusEvent(SID, "undelivered", 63016, null, null))
        .thenReturn(new MessageStatusEvent("SM2", "delivered", null, null, null));
    worker.registerActivitiesImplementations(activities);
    env.start();
    long deadline = env.currentTimeMillis() + Duration.ofHours(1).toMillis();
    MessageRequest whatsapp =
        new MessageRequest(
            "k11",
            "whatsapp",
            "whatsapp:+14155550100",
            "whatsapp:+14155550199",
            "Your code is 1234",
            List.of(),
            null,
            null,
            60,
            new FallbackChannel("sms", "+14155550101", deadline));

    MessageState result = result(start(client, worker, whatsapp));

    assertThat(result.status()).isEqualTo("undelivered");
    assertThat(result.fallbackId()).isEqualTo("k11~sms");
    ArgumentCaptor<MessagingActivities.SendRequest> sends =
        ArgumentCaptor.forClass(MessagingActivities.SendRequest.class);
    verify(activities, times(2)).send(sends.capture());
    MessageRequest resend = sends.getAllValues().get(1).request();
    assertThat(resend.channel()).isEqualTo("sms");
    assertThat(resend.from()).isEqualTo("+14155550101");
    assertThat(resend.to()).isEqualTo("+14155550199");
    assertThat(sends.getAllValues().get(1).workflowId()).isEqualTo("message:k11~sms");
    MessageState sms =
        client.newWorkflowStub(MessageDeliveryWorkflow.class, "message:k11~sms").getState();
    assertThat(sms.status()).isEqualTo("delivered");
  }

  @Test
  void noFallbackAfterTheDeadline(
      TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    when(activities.send(any())).thenReturn(event("queued"));
    when(activities.fetch(any()))
        .thenReturn(new MessageStatusEvent(SID, "undelivered", 30003, null, null));
    worker.registerActivitiesImplementations(activities);
    env.start();
    MessageRequest whatsapp =
        new MessageRequest(
            "k12",
            "whatsapp",
            "whatsapp:+14155550100",
            "whatsapp:+14155550199",
            "Late",
            List.of(),
            null,
            null,
            60,
            new FallbackChannel("sms", "+14155550101", env.currentTimeMillis() + 30_000));

    MessageState result = result(start(client, worker, whatsapp));

    assertThat(result.status()).isEqualTo("undelivered");
    assertThat(result.fallbackId()).isNull();
    verify(activities, times(1)).send(any());
  }

  private List<StatusRecord> recorded() {
    ArgumentCaptor<StatusRecord> records = ArgumentCaptor.forClass(StatusRecord.class);
    verify(activities, org.mockito.Mockito.atLeast(0)).recordStatus(records.capture());
    return records.getAllValues();
  }

  static MessageDeliveryWorkflow start(
      WorkflowClient client, Worker worker, MessageRequest request) {
    MessageDeliveryWorkflow stub =
        client.newWorkflowStub(
            MessageDeliveryWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(MessageWorkflowIds.message(request.id()))
                .setTaskQueue(worker.getTaskQueue())
                .build());
    WorkflowClient.start(stub::deliver, request);
    return stub;
  }

  static MessageState result(MessageDeliveryWorkflow delivery) {
    return WorkflowStub.fromTyped(delivery).getResult(MessageState.class);
  }
}

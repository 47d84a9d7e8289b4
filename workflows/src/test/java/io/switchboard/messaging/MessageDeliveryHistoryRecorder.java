package io.switchboard.messaging;

import io.switchboard.common.RecordedHistories;
import io.switchboard.common.SwitchboardSearchAttributes;
import io.switchboard.common.TwilioFailureType;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.SearchAttributeKey;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Records the histories that {@link MessageDeliveryReplayTest} replays. Run it on purpose, when a
 * workflow change is released, with {@code -Dswitchboard.recordHistories=true}; new files are added
 * beside the old ones, which must keep replaying.
 */
@EnabledIfSystemProperty(named = "switchboard.recordHistories", matches = "true")
class MessageDeliveryHistoryRecorder {

  static final String SID = MessageDeliveryWorkflowTest.SID;

  @Test
  void recordDeliveredThroughCallbacks() throws Exception {
    record(
        "delivered-through-callbacks-v1.json",
        new Scripted(false, null, "delivered"),
        MessageDeliveryWorkflowTest.request("h1"),
        (env, delivery) -> {
          delivery.messageStatusChanged(event("sending"));
          delivery.messageStatusChanged(event("delivered"));
          delivery.messageStatusChanged(event("sent")); // late, kept as history only
        });
  }

  @Test
  void recordMissingCallbackResolvedByFetch() throws Exception {
    record(
        "missing-callback-fetched-v1.json",
        new Scripted(false, null, "delivered"),
        MessageDeliveryWorkflowTest.request("h2"),
        (env, delivery) -> {});
  }

  @Test
  void recordOptedOut() throws Exception {
    record(
        "opted-out-v1.json",
        new Scripted(true, null, "delivered"),
        MessageDeliveryWorkflowTest.request("h3"),
        (env, delivery) -> {});
  }

  @Test
  void recordRejectedByTwilio() throws Exception {
    record(
        "rejected-by-twilio-v1.json",
        new Scripted(false, 21211, "delivered"),
        MessageDeliveryWorkflowTest.request("h4"),
        (env, delivery) -> {});
  }

  @Test
  void recordScheduledSend() throws Exception {
    record(
        "scheduled-send-v1.json",
        new Scripted(false, null, "delivered"),
        null,
        (env, delivery) -> env.sleep(Duration.ofHours(1)));
  }

  @Test
  void recordDeliveredWithSearchAttributes() throws Exception {
    record(
        "delivered-with-search-attributes-v3.json",
        new Scripted(false, null, "delivered"),
        MessageDeliveryWorkflowTest.request("h7"),
        (env, delivery) -> delivery.messageStatusChanged(event("delivered")));
  }

  @Test
  void recordDeliveredWithParticipantNumber() throws Exception {
    record(
        "delivered-with-participant-number-v5.json",
        new Scripted(false, null, "delivered"),
        MessageDeliveryWorkflowTest.request("h9")
            .withParticipantFingerprint("0123456789abcdef0123456789abcdef"),
        (env, delivery) -> delivery.messageStatusChanged(event("delivered")));
  }

  @Test
  void recordWhatsappFallbackToSms() throws Exception {
    record(
        "whatsapp-fallback-to-sms-v2.json",
        new WhatsappUndelivered(),
        new MessageRequest(
            "h6",
            "whatsapp",
            "whatsapp:+14155550100",
            "whatsapp:+14155550199",
            "Your code is 1234",
            List.of(),
            null,
            null,
            60,
            new FallbackChannel("sms", "+14155550101", Long.MAX_VALUE)),
        (env, delivery) -> {});
  }

  @Test
  void recordDeliveredWithLocalRecords() throws Exception {
    record(
        "delivered-with-local-records-v6.json",
        new Scripted(false, null, "delivered"),
        MessageDeliveryWorkflowTest.request("h10")
            .withParticipantFingerprint("0123456789abcdef0123456789abcdef"),
        (env, delivery) -> {
          delivery.messageStatusChanged(event("sending"));
          delivery.messageStatusChanged(event("delivered"));
          delivery.messageStatusChanged(event("sent")); // late, kept as history only
        });
  }

  @Test
  void recordOptedOutWithLocalRecords() throws Exception {
    record(
        "opted-out-with-local-records-v6.json",
        new Scripted(true, null, "delivered"),
        MessageDeliveryWorkflowTest.request("h11"),
        (env, delivery) -> {});
  }

  @Test
  void recordRejectedWithLocalRecords() throws Exception {
    record(
        "rejected-with-local-records-v6.json",
        new Scripted(false, 21211, "delivered"),
        MessageDeliveryWorkflowTest.request("h12"),
        (env, delivery) -> {});
  }

  @Test
  void recordScheduledSendWithLocalRecords() throws Exception {
    record(
        "scheduled-send-with-local-records-v6.json",
        new Scripted(false, null, "delivered"),
        null,
        (env, delivery) -> env.sleep(Duration.ofHours(1)));
  }

  @Test
  void recordWhatsappFallbackWithLocalRecords() throws Exception {
    record(
        "whatsapp-fallback-with-local-records-v6.json",
        new WhatsappUndelivered(),
        new MessageRequest(
            "h13",
            "whatsapp",
            "whatsapp:+14155550100",
            "whatsapp:+14155550199",
            "Your code is 1234",
            List.of(),
            null,
            null,
            60,
            new FallbackChannel("sms", "+14155550101", Long.MAX_VALUE)),
        (env, delivery) -> {});
  }

  interface Scenario {
    void run(TestWorkflowEnvironment env, MessageDeliveryWorkflow delivery);
  }

  private static void record(
      String name, MessagingActivities activities, MessageRequest request, Scenario scenario)
      throws Exception {
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      for (SearchAttributeKey<?> attribute : SwitchboardSearchAttributes.ALL) {
        env.registerSearchAttribute(
            attribute.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);
      }
      Worker worker = env.newWorker("messaging");
      worker.registerWorkflowImplementationTypes(MessageDeliveryWorkflowImpl.class);
      worker.registerActivitiesImplementations(activities);
      env.start();
      MessageRequest actual =
          request != null
              ? request
              : new MessageRequest(
                  "h5",
                  "sms",
                  "+14155550100",
                  "+14155550199",
                  "Later",
                  List.of(),
                  env.currentTimeMillis() + Duration.ofMinutes(30).toMillis(),
                  null,
                  60,
                  null);
      WorkflowClient client = env.getWorkflowClient();
      String id = MessageWorkflowIds.message(actual.id());
      MessageDeliveryWorkflow delivery =
          client.newWorkflowStub(
              MessageDeliveryWorkflow.class,
              WorkflowOptions.newBuilder().setWorkflowId(id).setTaskQueue("messaging").build());
      WorkflowClient.start(delivery::deliver, actual);
      scenario.run(env, delivery);
      WorkflowStub.fromTyped(delivery).getResult(MessageState.class);
      String json = client.fetchHistory(id).toJson(true);
      RecordedHistories.writeNew(MessageDeliveryReplayTest.HISTORIES.resolve(name), json);
    }
  }

  static MessageStatusEvent event(String status) {
    return new MessageStatusEvent(SID, status, null, null, null);
  }

  /** WhatsApp messages end undelivered (outside the session window), SMS ones delivered. */
  static final class WhatsappUndelivered implements MessagingActivities {

    @Override
    public void recordAccepted(MessageRequest request) {}

    @Override
    public SendOutcome sendWithinRate(SendRequest request) {
      return SendOutcome.sent(send(request));
    }

    @Override
    public boolean isWhatsAppSessionOpen(ConsentQuery query) {
      return true;
    }

    @Override
    public boolean isOptedOut(ConsentQuery query) {
      return false;
    }

    @Override
    public MessageStatusEvent send(SendRequest request) {
      return "whatsapp".equals(request.request().channel())
          ? new MessageStatusEvent(SID, "undelivered", 63016, null, null)
          : new MessageStatusEvent("SM2", "delivered", null, null, null);
    }

    @Override
    public MessageStatusEvent fetch(FetchRequest request) {
      throw new UnsupportedOperationException("final at once");
    }

    @Override
    public void recordStatus(StatusRecord record) {}
  }

  /** Answers as Twilio and PostgreSQL would, without either. */
  record Scripted(boolean optedOut, Integer rejectCode, String fetchedStatus)
      implements MessagingActivities {

    @Override
    public void recordAccepted(MessageRequest request) {}

    @Override
    public SendOutcome sendWithinRate(SendRequest request) {
      return SendOutcome.sent(send(request));
    }

    @Override
    public boolean isWhatsAppSessionOpen(ConsentQuery query) {
      return true;
    }

    @Override
    public boolean isOptedOut(ConsentQuery query) {
      return optedOut;
    }

    @Override
    public MessageStatusEvent send(SendRequest request) {
      if (rejectCode != null) {
        throw ApplicationFailure.newFailure(
            "Invalid 'To' Phone Number", TwilioFailureType.TWILIO_REJECTED.name(), rejectCode);
      }
      return event("queued");
    }

    @Override
    public MessageStatusEvent fetch(FetchRequest request) {
      return event(fetchedStatus);
    }

    @Override
    public void recordStatus(StatusRecord record) {}
  }
}

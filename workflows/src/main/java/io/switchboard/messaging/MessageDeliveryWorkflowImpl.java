package io.switchboard.messaging;

import io.switchboard.common.LocalRecords;
import io.switchboard.common.ParticipantNumber;
import io.switchboard.common.Retries;
import io.switchboard.common.SwitchboardSearchAttributes;
import io.switchboard.common.TwilioFailureType;
import io.switchboard.messaging.MessagingActivities.ConsentQuery;
import io.switchboard.messaging.MessagingActivities.FetchRequest;
import io.switchboard.messaging.MessagingActivities.SendOutcome;
import io.switchboard.messaging.MessagingActivities.SendRequest;
import io.switchboard.messaging.MessagingActivities.StatusRecord;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.common.SearchAttributeUpdate;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;

/**
 * The delivery of one message: wait for its time, check consent, create it at Twilio exactly once,
 * then follow its status to the end. A refusal (opted out, or a Twilio error that no retry fixes)
 * is an outcome and the workflow completes with it; retries exhausted on a transient error fail the
 * workflow, so that operators see it and can retry it.
 */
public class MessageDeliveryWorkflowImpl implements MessageDeliveryWorkflow {

  /** Twilio's code for an unsubscribed recipient; clients already handle it. */
  static final int OPTED_OUT = 21610;

  /** Status checks back off to this interval while Twilio reports no final status. */
  static final Duration MAX_CHECK_INTERVAL = Duration.ofHours(1);

  /**
   * Twilio gives up on a queued message after its validity period (at most 36,000 s); a day later
   * nothing will change, so the workflow stops following it.
   */
  static final Duration FOLLOW_FOR = Duration.ofDays(1);

  /** Resending undelivered messages on a fallback channel (WhatsApp to SMS) was added. */
  static final String FALLBACK_CHANGE = "sms-fallback";

  /** Publishing MessageSid, Channel and CommStatus as search attributes was added. */
  static final String SEARCH_ATTRIBUTES_CHANGE = "search-attributes";

  /** Taking a slot from the sender's shared rate gate before each send was added. */
  static final String THROTTLE_CHANGE = "sender-throttle";

  /** Checking WhatsApp's 24-hour session window, and sending a template outside it, was added. */
  static final String SESSION_WINDOW_CHANGE = "whatsapp-session-window";

  /** Twilio's code for a free-form WhatsApp message outside the 24-hour session window. */
  static final int OUTSIDE_SESSION_WINDOW = 63016;

  private static final Logger log = Workflow.getLogger(MessageDeliveryWorkflowImpl.class);

  /** Sending is bounded and refusals are final: a message must never go out twice. */
  private final ActivityOptions sendOptions =
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofSeconds(30))
          .setRetryOptions(
              RetryOptions.newBuilder()
                  .setInitialInterval(Duration.ofSeconds(1))
                  .setBackoffCoefficient(2.0)
                  .setMaximumInterval(Duration.ofSeconds(30))
                  .setMaximumAttempts(8)
                  .setDoNotRetry(TwilioFailureType.TWILIO_REJECTED.name())
                  .build())
          .build();

  /** Reads and database writes are safe to repeat until they succeed. */
  private final ActivityOptions defaultOptions =
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofSeconds(10))
          .setRetryOptions(
              RetryOptions.newBuilder(Retries.UNTIL_DONE)
                  .setDoNotRetry(TwilioFailureType.TWILIO_REJECTED.name())
                  .build())
          .build();

  private final MessagingActivities activities =
      Workflow.newActivityStub(
          MessagingActivities.class,
          defaultOptions,
          Map.of("Send", sendOptions, "SendWithinRate", sendOptions));

  private final MessagingActivities localActivities =
      Workflow.newLocalActivityStub(MessagingActivities.class, LocalRecords.OPTIONS);

  /** Where database reads and writes run; chosen once per run, see {@link #records()}. */
  private MessagingActivities records;

  private final MessageRequest request;
  private final List<Promise<Void>> pendingWrites = new ArrayList<>();
  private final Set<String> recordedStatuses = new LinkedHashSet<>();
  private final DeliveryStatus delivery = new DeliveryStatus();
  private String fallbackId;
  private boolean cancelRequested;

  @WorkflowInit
  public MessageDeliveryWorkflowImpl(MessageRequest request) {
    this.request = request;
  }

  @Override
  public MessageState deliver(MessageRequest request) {
    ParticipantNumber.publish(request.participantFingerprint());
    records().recordAccepted(request);
    waitUntilAllowed();
    // Consent is checked after the wait: a STOP may arrive while a message is scheduled.
    if (cancelRequested) {
      return cancelled();
    }
    if (records().isOptedOut(new ConsentQuery(request.from(), request.to()))) {
      refuse(OPTED_OUT, "The recipient has opted out of messages from this sender (STOP).");
      return finish();
    }
    Boolean useContent = whatsAppContent();
    if (useContent == null) {
      refuse(
          OUTSIDE_SESSION_WINDOW,
          "The recipient has not written in the last 24 hours: outside WhatsApp's session window"
              + " only an approved template (contentSid) may be sent.");
      return finish();
    }
    Boolean sent = sendOnce(useContent);
    if (sent == null) {
      return cancelled();
    }
    if (sent) {
      followStatus();
    }
    fallBackIfUndelivered();
    return finish();
  }

  /**
   * Creates the message at Twilio; false when Twilio refused it for good, null when it was
   * cancelled while waiting for its sender's rate. Retries exhausted on a transient error fail the
   * workflow, so that operators see it and can retry it.
   */
  private Boolean sendOnce(boolean useContent) {
    String requestId = Workflow.randomUUID().toString();
    String workflowId = Workflow.getInfo().getWorkflowId();
    // A reset run keeps the original run's id here: an earlier run may have sent the message and
    // been reset before its MessageSid was recorded, so the send must ask Twilio first.
    String originalRunId = Workflow.getInfo().getOriginalExecutionRunId();
    boolean afterReset =
        originalRunId != null
            && !originalRunId.isEmpty()
            && !originalRunId.equals(Workflow.getInfo().getRunId());
    SendRequest send = new SendRequest(request, requestId, workflowId, useContent, afterReset);
    try {
      if (Workflow.getVersion(THROTTLE_CHANGE, Workflow.DEFAULT_VERSION, 1) < 1) {
        apply(activities.send(send), "api");
        return true;
      }
      // The gate is asked right before the create call, in the same activity; a wait is a timer
      // here, which a cancel ends early.
      SendOutcome outcome = activities.sendWithinRate(send);
      while (outcome.event() == null) {
        if (Workflow.await(Duration.ofMillis(outcome.waitMillis()), () -> cancelRequested)) {
          return null;
        }
        outcome = activities.sendWithinRate(send);
      }
      apply(outcome.event(), "api");
      return true;
    } catch (ActivityFailure failure) {
      ApplicationFailure cause =
          failure.getCause() instanceof ApplicationFailure application ? application : null;
      refuse(code(cause), cause == null ? "Sending failed." : cause.getOriginalMessage());
      if (cause == null || !TwilioFailureType.TWILIO_REJECTED.name().equals(cause.getType())) {
        finish();
        throw failure;
      }
      return false;
    }
  }

  /**
   * Resends on the fallback channel, before the deadline, a message that ended undelivered or
   * failed. The resend is a child delivery of its own ({@code message:{key}~sms}), with its own
   * consent check, exactly-once send and status tracking.
   */
  private void fallBackIfUndelivered() {
    FallbackChannel fallback = request.fallback();
    String status = delivery.status();
    if (fallback == null || !("undelivered".equals(status) || "failed".equals(status))) {
      return;
    }
    if (Workflow.getVersion(FALLBACK_CHANGE, Workflow.DEFAULT_VERSION, 1)
        == Workflow.DEFAULT_VERSION) {
      return;
    }
    if (Workflow.currentTimeMillis() >= fallback.deadlineMillis()) {
      log.info("message {} undelivered after its fallback deadline", request.id());
      return;
    }
    MessageRequest resend =
        new MessageRequest(
                MessageWorkflowIds.fallbackKey(request.id(), fallback.channel()),
                fallback.channel(),
                fallback.from(),
                bareNumber(request.to()),
                request.body(),
                List.of(),
                null,
                request.quietHours(),
                request.statusCheckAfterSeconds(),
                null)
            // The same person on another channel: the bare number's fingerprint is the same.
            .withParticipantFingerprint(request.participantFingerprint());
    MessageDeliveryWorkflow child =
        Workflow.newChildWorkflowStub(
            MessageDeliveryWorkflow.class,
            ChildWorkflowOptions.newBuilder()
                .setWorkflowId(MessageWorkflowIds.message(resend.id()))
                .build());
    fallbackId = resend.id();
    child.deliver(resend);
  }

  /**
   * Whether to send the WhatsApp template instead of the body: false inside the 24-hour session
   * window (and for other channels), true outside it when the request has a template, null when it
   * has none and so cannot be sent.
   */
  private Boolean whatsAppContent() {
    if (!"whatsapp".equals(request.channel())
        || Workflow.getVersion(SESSION_WINDOW_CHANGE, Workflow.DEFAULT_VERSION, 1) < 1) {
      return false;
    }
    if (records().isWhatsAppSessionOpen(new ConsentQuery(request.from(), request.to()))) {
      return false;
    }
    return request.contentSid() == null ? null : true;
  }

  private MessageState cancelled() {
    delivery.cancel("Cancelled before it was sent.");
    publish();
    record("canceled", null, "Cancelled before it was sent.", "workflow", true);
    return finish();
  }

  private static String bareNumber(String address) {
    int colon = address.indexOf(':');
    return colon < 0 ? address : address.substring(colon + 1);
  }

  @Override
  public void messageStatusChanged(MessageStatusEvent event) {
    apply(event, "callback");
  }

  @Override
  public void cancel() {
    cancelRequested = true;
  }

  @Override
  public MessageState getState() {
    return delivery.toState(request.id(), fallbackId);
  }

  /** Sleeps, durably, until the requested send time and out of the recipient's quiet hours. */
  private void waitUntilAllowed() {
    Instant now = Instant.ofEpochMilli(Workflow.currentTimeMillis());
    Instant at = now;
    if (request.sendAtMillis() != null && request.sendAtMillis() > now.toEpochMilli()) {
      at = Instant.ofEpochMilli(request.sendAtMillis());
    }
    if (request.quietHours() != null) {
      at = request.quietHours().nextAllowed(at);
    }
    Duration wait = Duration.between(now, at);
    if (wait.isNegative() || wait.isZero()) {
      return;
    }
    delivery.schedule();
    publish();
    record("scheduled", null, null, "workflow", true);
    // A timer like Workflow.sleep's, which a cancel ends early.
    Workflow.await(wait, () -> cancelRequested);
  }

  /** Waits for a final status callback; when none comes in time, asks Twilio, backing off. */
  private void followStatus() {
    Duration wait = Duration.ofSeconds(Math.max(1, request.statusCheckAfterSeconds()));
    long stopAt = Workflow.currentTimeMillis() + FOLLOW_FOR.toMillis();
    while (!delivery.isFinal() && Workflow.currentTimeMillis() < stopAt) {
      if (Workflow.await(wait, delivery::isFinal)) {
        return;
      }
      try {
        apply(activities.fetch(new FetchRequest(delivery.messageSid())), "fetch");
      } catch (ActivityFailure failure) {
        log.warn("status fetch for message {} failed; waiting for callbacks", request.id());
      }
      Duration doubled = wait.multipliedBy(2);
      wait = doubled.compareTo(MAX_CHECK_INTERVAL) > 0 ? MAX_CHECK_INTERVAL : doubled;
    }
  }

  private void apply(MessageStatusEvent event, String source) {
    if (event == null || event.status() == null) {
      return;
    }
    DeliveryStatus.Outcome outcome = delivery.apply(event);
    if (outcome == DeliveryStatus.Outcome.FOREIGN) {
      log.warn("ignored a status for another message {}", event.messageSid());
      return;
    }
    if (outcome == DeliveryStatus.Outcome.APPLIED) {
      publish();
    }
    record(
        event.status(), event.errorCode(), null, source, outcome == DeliveryStatus.Outcome.APPLIED);
  }

  /**
   * Lets ops find the message by its SID and list messages by channel and status in the Temporal
   * UI. Never the numbers: search attributes are stored unencrypted.
   */
  private void publish() {
    if (Workflow.getVersion(SEARCH_ATTRIBUTES_CHANGE, Workflow.DEFAULT_VERSION, 1) < 1) {
      return;
    }
    List<SearchAttributeUpdate<?>> updates = new ArrayList<>();
    updates.add(SwitchboardSearchAttributes.CHANNEL.valueSet(request.channel()));
    updates.add(SwitchboardSearchAttributes.COMM_STATUS.valueSet(delivery.status()));
    if (delivery.messageSid() != null) {
      updates.add(SwitchboardSearchAttributes.MESSAGE_SID.valueSet(delivery.messageSid()));
    }
    Workflow.upsertTypedSearchAttributes(updates.toArray(SearchAttributeUpdate<?>[]::new));
  }

  private void refuse(Integer code, String reason) {
    delivery.fail(code, reason);
    publish();
    record("failed", code, reason, "workflow", true);
  }

  /**
   * Records each status once: a duplicate callback adds nothing, a late one is kept as history (the
   * database, like the workflow, moves the message itself only forward).
   */
  private void record(
      String eventStatus, Integer code, String reason, String source, boolean applied) {
    if (!recordedStatuses.add(eventStatus)) {
      return;
    }
    StatusRecord record =
        new StatusRecord(
            request.id(),
            delivery.messageSid(),
            eventStatus,
            code,
            reason,
            source,
            applied,
            Workflow.currentTimeMillis(),
            Workflow.getInfo().getRunId());
    pendingWrites.add(Async.procedure(records()::recordStatus, record));
  }

  /**
   * PostgreSQL reads and writes (accepted, consent, session window, every status) ran as activities
   * through the Temporal server; from this version on they are local activities, run by the worker
   * that runs the workflow task and kept as markers in the history. Each is a short query that is
   * safe to repeat, which is what local activities are for, and a message then costs the server
   * about half the tasks it did (the benchmark's pipeline, not the gate, held sends at a few a
   * second). Twilio calls stay activities: they may wait at the sender's gate, and their retries
   * are the delivery log ops read.
   *
   * <p>Local or not, decided at the first database call of the run (which, on replay, is the same
   * call: a signal handler's status write or the run's accepted record).
   */
  private MessagingActivities records() {
    if (records == null) {
      records = LocalRecords.chosen(activities, localActivities);
    }
    return records;
  }

  private MessageState finish() {
    Workflow.await(Workflow::isEveryHandlerFinished);
    Promise.allOf(pendingWrites).get();
    MessageState state = getState();
    // The delivery-rate panel and alert count final outcomes. Replay-safe: the workflow's metrics
    // scope emits nothing while a history is replayed, and it adds no command to the history.
    Workflow.getMetricsScope()
        .tagged(Map.of("status", state.status() == null ? "unknown" : state.status()))
        .counter("switchboard_message_final")
        .inc(1);
    return state;
  }

  private static Integer code(ApplicationFailure failure) {
    if (failure == null || failure.getDetails().getSize() == 0) {
      return null;
    }
    return failure.getDetails().get(0, Integer.class, Integer.class);
  }
}

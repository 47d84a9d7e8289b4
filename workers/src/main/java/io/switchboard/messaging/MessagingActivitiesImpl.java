package io.switchboard.messaging;

import io.switchboard.config.SwitchboardProperties;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityInfo;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Messaging side effects: Twilio's Messages resource and the records in PostgreSQL. */
@Component("messagingActivities")
public class MessagingActivitiesImpl implements MessagingActivities {

  private static final Logger log = LoggerFactory.getLogger(MessagingActivitiesImpl.class);

  /** WhatsApp's customer service window: free-form messages within 24 h of the user's last. */
  static final Duration WHATSAPP_SESSION = Duration.ofHours(24);

  private final TwilioMessages twilio;
  private final MessageRepository messages;
  private final MessageEventRepository events;
  private final OptOutRepository optOuts;
  private final SwitchboardProperties properties;
  private final Environment environment;
  private final Clock clock;
  private final SenderThrottle throttle;

  public MessagingActivitiesImpl(
      SenderThrottle throttle,
      TwilioMessages twilio,
      MessageRepository messages,
      MessageEventRepository events,
      OptOutRepository optOuts,
      SwitchboardProperties properties,
      Environment environment,
      Clock clock) {
    this.throttle = throttle;
    this.twilio = twilio;
    this.messages = messages;
    this.events = events;
    this.optOuts = optOuts;
    this.properties = properties;
    this.environment = environment;
    this.clock = clock;
  }

  @Override
  @Transactional
  public void recordAccepted(MessageRequest request) {
    SmsSegments segments =
        "whatsapp".equals(request.channel()) ? null : SmsSegments.of(request.body());
    Instant now = clock.instant();
    messages.insertAccepted(
        request.id(),
        request.channel(),
        request.from(),
        request.to(),
        request.mediaUrls().size(),
        segments == null ? null : segments.encoding(),
        segments == null ? null : segments.segments(),
        null,
        request.sendAtMillis() == null ? null : Instant.ofEpochMilli(request.sendAtMillis()),
        now);
    // Also when the api made the row: the event is added once whoever comes first.
    events.add(request.id(), "accepted", 0, null, "workflow", true, now);
  }

  @Override
  public boolean isOptedOut(ConsentQuery query) {
    return optOuts.isOptedOut(Addresses.number(query.from()), Addresses.number(query.to()));
  }

  @Override
  public SendOutcome sendWithinRate(SendRequest send) {
    MessageStatusEvent earlier = earlierAttempt(send);
    if (earlier != null) {
      return SendOutcome.sent(earlier);
    }
    MessageRequest request = send.request();
    Duration wait = throttle.acquire(request.from(), segments(request, send.useContent()));
    if (!wait.isZero()) {
      return SendOutcome.throttled(wait.toMillis());
    }
    return SendOutcome.sent(
        twilio.create(request, send.useContent(), statusCallback(send.workflowId())));
  }

  /** What the sender's gate charges: SMS segments; one for MMS, WhatsApp and templates. */
  private static int segments(MessageRequest request, boolean useContent) {
    if (!"sms".equals(request.channel()) || useContent || request.body() == null) {
      return 1;
    }
    return SmsSegments.of(request.body()).segments();
  }

  @Override
  public boolean isWhatsAppSessionOpen(ConsentQuery query) {
    Instant last = messages.lastInboundAt(query.to(), query.from());
    return last != null && last.isAfter(clock.instant().minus(WHATSAPP_SESSION));
  }

  /**
   * Sends once. A message whose SID is already recorded is never sent again, whatever the attempt.
   * When there is evidence of an earlier run or attempt (a retry, a run after an operator's reset,
   * or a message last moved by another run) Twilio is asked first whether that earlier one created
   * the message before its answer was lost or recorded, and it is adopted instead of sent again.
   */
  @Override
  public MessageStatusEvent send(SendRequest send) {
    MessageStatusEvent earlier = earlierAttempt(send);
    if (earlier != null) {
      return earlier;
    }
    return twilio.create(send.request(), send.useContent(), statusCallback(send.workflowId()));
  }

  /**
   * The message an earlier attempt created: the SID already recorded (by a status callback, or by
   * the run before an operator's reset), or what Twilio holds from an attempt or run whose answer
   * was lost. Null when nothing was created.
   */
  private MessageStatusEvent earlierAttempt(SendRequest send) {
    ActivityInfo info = Activity.getExecutionContext().getInfo();
    MessageRequest request = send.request();
    Optional<MessageRecord> row = messages.findById(request.id());
    String known = row.map(MessageRecord::messageSid).orElse(null);
    if (known != null) {
      log.info("message {} was created by an earlier attempt; not sending again", request.id());
      return twilio.fetch(known);
    }
    String lastRun = messages.runIdOf(request.id());
    boolean earlierRun =
        send.afterReset() || (lastRun != null && !lastRun.equals(info.getWorkflowRunId()));
    if (info.getAttempt() <= 1 && !earlierRun) {
      return null;
    }
    // An earlier run may have sent long before this activity was scheduled: from the message's
    // acceptance on. An earlier attempt of this activity sent after it was first scheduled.
    Instant since =
        earlierRun && row.isPresent()
            ? row.get().createdAt()
            : Instant.ofEpochMilli(info.getScheduledTimestamp());
    Optional<MessageStatusEvent> found =
        twilio.findCreated(request, since, sid -> messages.sidTakenByAnother(sid, request.id()));
    if (found.isPresent()) {
      log.info(
          "message {} was created by an earlier {}; not sending again",
          request.id(),
          earlierRun ? "run" : "attempt");
      return found.get();
    }
    return null;
  }

  @Override
  public MessageStatusEvent fetch(FetchRequest request) {
    return twilio.fetch(request.messageSid());
  }

  @Override
  @Transactional
  public void recordStatus(StatusRecord record) {
    Instant at = Instant.ofEpochMilli(record.occurredAtMillis());
    int rank = MessageStatuses.rank(record.status());
    // A newer run than the one that made the message final is an operator's retry, a new attempt
    // that may move the message on. A write from a workflow older than the field names its run
    // through the activity's own context.
    String runId =
        record.runId() != null
            ? record.runId()
            : Activity.getExecutionContext().getInfo().getWorkflowRunId();
    if (record.applied()) {
      messages.advance(
          record.id(),
          record.messageSid(),
          record.status(),
          rank,
          MessageStatuses.FINAL,
          record.errorCode(),
          record.errorMessage(),
          runId,
          at);
    } else {
      messages.advance(
          record.id(),
          record.messageSid(),
          record.status(),
          -1,
          MessageStatuses.FINAL,
          null,
          null,
          runId,
          at);
    }
    events.add(
        record.id(),
        record.status(),
        rank,
        record.errorCode(),
        record.source(),
        record.applied(),
        at);
  }

  /**
   * Where Twilio posts status callbacks: the webhook ingress, with the workflow id in the query
   * (covered by Twilio's signature). Without a public URL the simulator can still reach this
   * server; live Twilio cannot, and the workflow falls back to fetching the status.
   */
  private URI statusCallback(String workflowId) {
    String base;
    if (properties.publicUrl() != null) {
      base = properties.publicUrl().toString();
    } else if (properties.twilio().effectiveMode() == SwitchboardProperties.TwilioMode.SIMULATOR) {
      base = "http://127.0.0.1:" + environment.getProperty("local.server.port", "8080");
    } else {
      return null;
    }
    base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    return URI.create(
        base
            + "/webhooks/status?workflowId="
            + URLEncoder.encode(workflowId, StandardCharsets.UTF_8));
  }
}

package io.switchboard.voice.outbound;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Timer;
import io.switchboard.config.SwitchboardProperties;
import io.switchboard.throttle.RateGate;
import io.switchboard.voice.CallEventRepository;
import io.switchboard.voice.CallRepository;
import io.switchboard.voice.CallStatuses;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityInfo;
import io.temporal.failure.ApplicationFailure;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Outbound call side effects: the CPS gate, Twilio's Calls resource and the records. */
@Component("outboundCallActivities")
@EnableConfigurationProperties(OutboundCallProperties.class)
public class OutboundCallActivitiesImpl implements OutboundCallActivities {

  /** One gate for the whole Twilio account: Twilio counts CPS per account, not per number. */
  static final String GATE_KEY = "twilio-calls";

  /** How long a call waits for its turn in the activity before going back to a timer. */
  static final Duration SHORT_WAIT = Duration.ofSeconds(5);

  private static final Logger log = LoggerFactory.getLogger(OutboundCallActivitiesImpl.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final TwilioCalls twilio;
  private final RateGate gate;
  private final OutboundCallRepository outbound;
  private final CallRepository calls;
  private final CallEventRepository callEvents;
  private final SwitchboardProperties properties;
  private final Duration turnCost;
  private final Environment environment;
  private final Clock clock;
  private final OutboundCallMetrics metrics;

  public OutboundCallActivitiesImpl(
      TwilioCalls twilio,
      RateGate gate,
      OutboundCallRepository outbound,
      CallRepository calls,
      CallEventRepository callEvents,
      SwitchboardProperties properties,
      OutboundCallProperties settings,
      Environment environment,
      Clock clock,
      OutboundCallMetrics metrics) {
    this.twilio = twilio;
    this.gate = gate;
    this.outbound = outbound;
    this.calls = calls;
    this.callEvents = callEvents;
    this.properties = properties;
    this.turnCost = settings.turnCost();
    this.environment = environment;
    this.clock = clock;
    this.metrics = metrics;
  }

  @Override
  @Transactional
  public void recordAccepted(OutboundCallRequest request) {
    Instant now = clock.instant();
    outbound.insertAccepted(
        request.id(),
        request.from(),
        request.to(),
        request.flowName(),
        metadata(request),
        null,
        request.callAtMillis() == null ? null : Instant.ofEpochMilli(request.callAtMillis()),
        now);
    outbound.addEvent(request.id(), 0, 0, null, "accepted", null, null, now);
  }

  /**
   * Waits here for up to a few seconds for the turn the gate reserves for this call, so that calls
   * line up in the order they asked and no opening is missed. A longer wait goes back to the
   * workflow as a durable timer, so that a large backlog holds no threads.
   */
  @Override
  public long requestTurn(TurnRequest request) {
    try {
      Duration wait = gate.acquire(GATE_KEY, turnCost, SHORT_WAIT);
      return wait.isZero() ? 0 : Math.max(1, wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a call turn", e);
    }
  }

  /**
   * Places the call once. A first attempt creates it at once; a later one first asks Twilio whether
   * an earlier attempt created it before its answer was lost (a timeout after success), and adopts
   * it instead of calling again.
   */
  @Override
  public PlacedCall place(PlaceRequest place) {
    Optional<PlacedCall> earlier = createdByAnEarlierAttempt(place);
    return earlier.isPresent() ? earlier.get() : create(place);
  }

  /**
   * Like {@link #place}, with the gate's turn taken here: the create starts as soon as the turn is
   * granted, so creates keep the gate's spacing. An earlier attempt's call is adopted without a
   * turn, since it already had one.
   */
  @Override
  public PlaceOutcome placeWithinRate(PlaceRequest place) {
    Optional<PlacedCall> earlier = createdByAnEarlierAttempt(place);
    if (earlier.isPresent()) {
      return PlaceOutcome.placed(earlier.get());
    }
    long wait = requestTurn(new TurnRequest(place.request().id()));
    return wait > 0 ? PlaceOutcome.throttled(wait) : PlaceOutcome.placed(create(place));
  }

  private Optional<PlacedCall> createdByAnEarlierAttempt(PlaceRequest place) {
    ActivityInfo info = Activity.getExecutionContext().getInfo();
    if (info.getAttempt() <= 1) {
      return Optional.empty();
    }
    OutboundCallRequest request = place.request();
    Timer.Sample sample = metrics.startCreate();
    try {
      Optional<PlacedCall> earlier =
          twilio.findCreated(
              request,
              Instant.ofEpochMilli(info.getScheduledTimestamp()),
              sid -> outbound.sidTakenByAnother(sid, request.id(), place.attempt()));
      if (earlier.isPresent()) {
        log.info(
            "outbound call {} was created by an earlier attempt; not calling again", request.id());
        metrics.created(sample, true);
      }
      return earlier;
    } catch (ApplicationFailure failure) {
      metrics.failed(sample, failure);
      throw failure;
    }
  }

  private PlacedCall create(PlaceRequest place) {
    Timer.Sample sample = metrics.startCreate();
    try {
      PlacedCall created =
          twilio.create(
              place.request(),
              webhook("/webhooks/voice?outbound=", place.workflowId()),
              webhook("/webhooks/status?workflowId=", place.workflowId()));
      metrics.created(sample, false);
      return created;
    } catch (ApplicationFailure failure) {
      metrics.failed(sample, failure);
      throw failure;
    }
  }

  @Override
  public PlacedCall fetch(String callSid) {
    return twilio.fetch(callSid);
  }

  @Override
  @Transactional
  public void recordStatus(StatusRecord record) {
    Instant at = Instant.ofEpochMilli(record.occurredAtMillis());
    int moved =
        outbound.advance(
            record.id(),
            record.sequence(),
            record.attempt(),
            record.callSid(),
            record.status(),
            record.answeredBy(),
            record.errorCode(),
            record.errorMessage(),
            at);
    if (record.finished()) {
      // The closing write repeats the status the workflow recorded just before it: it ends the
      // record and counts the outcome, but is no status change of its own, so it is not an event
      // (GET /api/calls/{key} listed the final status twice). Its sequence is the call's last, so
      // it moves the row exactly once, and that is when the outcome is counted.
      if (moved > 0) {
        metrics.recorded(record);
      }
      return;
    }
    int added =
        outbound.addEvent(
            record.id(),
            record.sequence(),
            record.attempt(),
            record.callSid(),
            record.status(),
            record.answeredBy(),
            record.errorCode(),
            at);
    if (added > 0) {
      metrics.recorded(record);
    }
    if (record.callSid() != null) {
      // Each attempt is also a call like any other, listed and served by /api/calls.
      outbound
          .findById(record.id())
          .ifPresent(
              call -> {
                calls.upsert(
                    record.callSid(),
                    properties.twilio().accountSid() == null
                        ? ""
                        : properties.twilio().accountSid(),
                    call.fromNumber(),
                    call.toNumber(),
                    "outbound-api",
                    record.status(),
                    at,
                    CallStatuses.isFinal(record.status()));
                callEvents.add(record.callSid(), record.status(), at);
              });
    }
  }

  /**
   * A webhook URL of ours with the workflow id in the query (covered by Twilio's signature).
   * Without a public URL the simulator can still reach this server; live Twilio cannot.
   */
  private URI webhook(String pathAndParam, String workflowId) {
    String base;
    if (properties.publicUrl() != null) {
      base = properties.publicUrl().toString();
    } else if (properties.twilio().effectiveMode() == SwitchboardProperties.TwilioMode.SIMULATOR) {
      base = "http://127.0.0.1:" + environment.getProperty("local.server.port", "8080");
    } else {
      throw new IllegalStateException("SWITCHBOARD_PUBLIC_URL is needed to place calls");
    }
    base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    return URI.create(base + pathAndParam + URLEncoder.encode(workflowId, StandardCharsets.UTF_8));
  }

  private static String metadata(OutboundCallRequest request) {
    try {
      return request.metadata().isEmpty() ? null : JSON.writeValueAsString(request.metadata());
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("metadata is not serialisable", e);
    }
  }
}

package io.switchboard.voice;

import io.switchboard.recording.RecordingRepository;
import io.switchboard.voice.flow.Agent;
import io.switchboard.voice.flow.AgentRelease;
import io.switchboard.voice.flow.AgentRequest;
import io.switchboard.voice.flow.ConsentRecord;
import io.switchboard.voice.flow.DecisionRequest;
import io.switchboard.voice.flow.LinePlace;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Routing decisions over HTTP, agent reservations and consent in PostgreSQL. */
@Component("flowActivities")
@org.springframework.boot.context.properties.EnableConfigurationProperties(
    AgentLineProperties.class)
public class FlowActivitiesImpl implements FlowActivities {

  private static final Logger log = LoggerFactory.getLogger(FlowActivitiesImpl.class);

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
  private final AgentRepository agents;
  private final RecordingRepository recordings;
  private final JsonMapper json;
  private final Clock clock;

  private static final Duration FORGET_EVERY = Duration.ofMinutes(1);

  private final AgentLineProperties line;
  private final AtomicLong lastForgotten = new AtomicLong();

  public FlowActivitiesImpl(
      AgentRepository agents,
      RecordingRepository recordings,
      JsonMapper json,
      Clock clock,
      AgentLineProperties line) {
    this.agents = agents;
    this.line = line;
    this.recordings = recordings;
    this.json = json;
    this.clock = clock;
  }

  /**
   * POSTs the request (attributes and variables, never the caller's number) as JSON and expects
   * {@code {"route":"…"}}. Failures are non-retryable: the caller is waiting, and the flow has a
   * fallback for exactly this.
   */
  @Override
  public String decide(DecisionRequest request) {
    HttpRequest post =
        HttpRequest.newBuilder(URI.create(request.url()))
            .timeout(Duration.ofMillis(request.timeoutMillis()))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(request)))
            .build();
    try {
      HttpResponse<String> response = http.send(post, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2) {
        throw failure(
            "routing service answered " + response.statusCode(), FlowFailureType.DECISION_FAILED);
      }
      JsonNode route = json.readTree(response.body()).get("route");
      if (route == null || !route.isString() || route.asString().isBlank()) {
        throw failure("routing service answered without a route", FlowFailureType.DECISION_FAILED);
      }
      return route.asString();
    } catch (HttpTimeoutException e) {
      throw failure("routing service did not answer in time", FlowFailureType.DECISION_TIMEOUT);
    } catch (IOException | RuntimeException e) {
      if (e instanceof ApplicationFailure applicationFailure) {
        throw applicationFailure;
      }
      throw failure(
          "routing service failed: " + e.getClass().getSimpleName(),
          FlowFailureType.DECISION_FAILED);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failure("interrupted", FlowFailureType.DECISION_FAILED);
    }
  }

  @Override
  public Agent reserveAgent(AgentRequest request) {
    return reserve(request, clock.instant());
  }

  @Override
  public LinePlace reserveAgentInLine(AgentRequest request) {
    Instant now = clock.instant();
    Agent agent = reserve(request, now);
    if (agent != null || line.liveness().isZero()) {
      return new LinePlace(agent, null);
    }
    return new LinePlace(
        null, agents.ahead(request.callSid(), now.minus(line.liveness())).orElse(null));
  }

  private Agent reserve(AgentRequest request, Instant now) {
    AgentRepository.InLine caller =
        new AgentRepository.InLine(
            request.callSid(),
            request.skills(),
            request.priority() == null ? 0 : request.priority(),
            request.waitingSinceMillis() == null
                ? now
                : Instant.ofEpochMilli(request.waitingSinceMillis()),
            request.callback());
    forgetOldCallers(now);
    return agents
        .reserve(caller, request.requestId(), now, line.liveness())
        .map(agent -> new Agent(agent.id(), agent.target(), agent.priority()))
        .orElse(null);
  }

  /**
   * Deletes callers who stopped asking long ago, at most once a minute per worker: reservations run
   * on every wait turn of every waiting caller, and the line only needs tidying now and then.
   */
  private void forgetOldCallers(Instant now) {
    long previous = lastForgotten.get();
    if (now.toEpochMilli() - previous >= FORGET_EVERY.toMillis()
        && lastForgotten.compareAndSet(previous, now.toEpochMilli())) {
      agents.forgetLine(now.minus(line.forgetAfter()));
    }
  }

  @Override
  public void releaseAgent(AgentRelease release) {
    boolean freed = agents.release(release.agentId(), release.requestId(), clock.instant());
    log.info(
        "agent {} {} after an unused reservation", release.agentId(), freed ? "freed" : "kept");
  }

  @Override
  public void recordConsent(ConsentRecord consent) {
    recordings.setConsent(consent.callSid(), consent.granted(), "flow", clock.instant());
    log.info("recording consent kept for call {}: {}", consent.callSid(), consent.granted());
  }

  private static ApplicationFailure failure(String message, FlowFailureType type) {
    return ApplicationFailure.newNonRetryableFailure(message, type.name());
  }
}

package io.switchboard.voice;

import io.switchboard.common.Retries;
import io.switchboard.voice.flow.Agent;
import io.switchboard.voice.flow.AgentRequest;
import io.switchboard.voice.flow.ConsentRecord;
import io.switchboard.voice.flow.DecisionRequest;
import io.switchboard.voice.flow.FlowServices;
import io.switchboard.voice.flow.LinePlace;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;

/**
 * A call session's {@link FlowServices}: activities, within the time Twilio gives a turn. The
 * caller is waiting for decisions and agents, so those are tried once with a short timeout and a
 * failure takes the flow's fallback (a decide node's fallback; the queue for an agent, whose wait
 * turns try again). Consent is written alongside the turn, retried until it is kept.
 */
final class SessionFlowServices implements FlowServices {

  private static final Logger log = Workflow.getLogger(SessionFlowServices.class);

  private final RetryOptions once = RetryOptions.newBuilder().setMaximumAttempts(1).build();

  private final ActivityOptions agentOptions =
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofMillis(800))
          .setRetryOptions(once)
          .build();

  private final ActivityOptions consentOptions =
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofSeconds(10))
          .setRetryOptions(Retries.UNTIL_DONE)
          .build();

  private final FlowActivities agents =
      Workflow.newActivityStub(FlowActivities.class, agentOptions);
  private final FlowActivities consents =
      Workflow.newActivityStub(FlowActivities.class, consentOptions);
  private final List<Promise<Void>> pendingWrites = new ArrayList<>();

  @Override
  public String decide(DecisionRequest request) {
    // The node's timeout bounds the whole attempt: the activity applies it to the HTTP request too.
    ActivityOptions options =
        ActivityOptions.newBuilder()
            .setStartToCloseTimeout(Duration.ofMillis(request.timeoutMillis()))
            .setRetryOptions(once)
            .build();
    try {
      return Workflow.newActivityStub(FlowActivities.class, options).decide(request);
    } catch (ActivityFailure failure) {
      log.info("routing decision at {} failed, taking the fallback", request.node());
      return null;
    }
  }

  @Override
  public Agent reserveAgent(AgentRequest request) {
    AgentRequest identified = request.withRequestId(Workflow.randomUUID().toString());
    try {
      return agents.reserveAgent(identified);
    } catch (ActivityFailure failure) {
      log.warn("agent reservation failed, the caller waits in the queue");
      return null;
    }
  }

  /**
   * Sessions from before the line's position was said ({@code line-position}) ask as they did, and
   * hear Twilio's position.
   */
  @Override
  public LinePlace reserveAgentInLine(AgentRequest request) {
    if (Workflow.getVersion("line-position", Workflow.DEFAULT_VERSION, 1)
        == Workflow.DEFAULT_VERSION) {
      return new LinePlace(reserveAgent(request), null);
    }
    AgentRequest identified = request.withRequestId(Workflow.randomUUID().toString());
    try {
      return agents.reserveAgentInLine(identified);
    } catch (ActivityFailure failure) {
      log.warn("agent reservation failed, the caller waits in the queue");
      return new LinePlace(null, null);
    }
  }

  @Override
  public void recordConsent(ConsentRecord consent) {
    pendingWrites.add(Async.procedure(consents::recordConsent, consent));
  }

  /** Writes still running, which the session waits for before it completes. */
  List<Promise<Void>> pendingWrites() {
    return pendingWrites;
  }
}

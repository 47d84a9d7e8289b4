package io.switchboard.api.voice.outbound;

import io.switchboard.voice.outbound.OutboundCallRecord;
import io.switchboard.voice.outbound.OutboundCallRepository;
import io.switchboard.voice.outbound.OutboundCallState;
import io.switchboard.voice.outbound.OutboundCallWorkflow;
import io.switchboard.voice.outbound.OutboundCallWorkflowIds;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowException;
import io.temporal.client.WorkflowNotFoundException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The api's view of outbound calls: the records and the running workflows' live state. */
@Component
public class OutboundCalls {

  private static final Logger log = LoggerFactory.getLogger(OutboundCalls.class);

  private final OutboundCallRepository calls;
  private final WorkflowClient client;

  OutboundCalls(OutboundCallRepository calls, WorkflowClient client) {
    this.calls = calls;
    this.client = client;
  }

  /** The call by its idempotency key, if there is one. */
  public Optional<OutboundCallView> find(String id) {
    return calls
        .findById(id)
        .map(call -> OutboundCallView.of(call, state(id).orElse(null), calls.events(id)));
  }

  /**
   * The call as recorded, without asking the workflow: what initiate answers, since a query waits
   * for a worker and the accept path must stay fast under load.
   */
  public OutboundCallView recorded(OutboundCallRecord call) {
    return OutboundCallView.of(call, null, calls.events(call.id()));
  }

  /** A stub for the outbound call's workflow by its workflow id. */
  OutboundCallWorkflow workflow(String workflowId) {
    return client.newWorkflowStub(OutboundCallWorkflow.class, workflowId);
  }

  /** The workflow's own state; empty when it is gone or Temporal does not answer. */
  public Optional<OutboundCallState> state(String id) {
    try {
      return Optional.of(
          client
              .newWorkflowStub(OutboundCallWorkflow.class, OutboundCallWorkflowIds.outboundCall(id))
              .getState());
    } catch (WorkflowNotFoundException e) {
      return Optional.empty();
    } catch (WorkflowException | io.grpc.StatusRuntimeException e) {
      log.warn("live state of outbound call {} unavailable: {}", id, e.toString());
      return Optional.empty();
    }
  }
}

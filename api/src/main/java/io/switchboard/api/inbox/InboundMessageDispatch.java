package io.switchboard.api.inbox;

import io.switchboard.api.messaging.InboundMessages;
import io.switchboard.common.SwitchboardSearchAttributes;
import io.switchboard.config.SwitchboardProperties;
import io.switchboard.messaging.InboundMessageInput;
import io.switchboard.messaging.InboundMessageProperties;
import io.switchboard.messaging.InboundMessageWorkflow;
import io.switchboard.ops.NumberFingerprint;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.SearchAttributes;
import org.springframework.stereotype.Component;

/**
 * Starts an inbound message's workflow, {@code inbound-message:{MessageSid}}, once: Twilio's
 * retries, the relay's repeats and operators' replays of the webhook find it started (or finished:
 * the reuse policy rejects a second run, so its media is never fetched twice) and change nothing.
 */
@Component
public class InboundMessageDispatch {

  private final WorkflowClient client;
  private final SwitchboardProperties properties;
  private final InboundMessageProperties inbound;
  private final NumberFingerprint fingerprint;

  public InboundMessageDispatch(
      WorkflowClient client,
      SwitchboardProperties properties,
      InboundMessageProperties inbound,
      NumberFingerprint fingerprint) {
    this.fingerprint = fingerprint;
    this.client = client;
    this.properties = properties;
    this.inbound = inbound;
  }

  DispatchState start(InboxEvent event) {
    String sid = event.messageSid() != null ? event.messageSid() : event.param("SmsSid");
    InboundMessageInput input =
        new InboundMessageInput(
            sid, InboundMessages.mediaOf(event.params()), inbound.deleteMediaAtTwilio());
    try {
      WorkflowClient.start(
          workflow(
                  event.workflowId(),
                  sid,
                  channel(event, input),
                  fingerprint.of(event.param("From")))
              ::receive,
          input);
    } catch (WorkflowExecutionAlreadyStarted e) {
      // Already under way or done: this is a repeat.
    }
    return DispatchState.DISPATCHED;
  }

  private static String channel(InboxEvent event, InboundMessageInput input) {
    String from = event.param("From");
    if (from != null && from.startsWith("whatsapp:")) {
      return "whatsapp";
    }
    return input.media().isEmpty() ? "sms" : "mms";
  }

  /**
   * The workflow's stub. Its search attributes are set at start, so that ops find it by the
   * MessageSid or by the sender's number's fingerprint; never by the number itself.
   */
  private InboundMessageWorkflow workflow(
      String workflowId, String sid, String channel, String participant) {
    SearchAttributes.Builder attributes =
        SearchAttributes.newBuilder()
            .set(SwitchboardSearchAttributes.MESSAGE_SID, sid)
            .set(SwitchboardSearchAttributes.CHANNEL, channel);
    if (participant != null) {
      attributes.set(SwitchboardSearchAttributes.PARTICIPANT_NUMBER, participant);
    }
    WorkflowOptions options =
        WorkflowOptions.newBuilder()
            .setWorkflowId(workflowId)
            .setTaskQueue(properties.taskQueues().messaging())
            .setWorkflowIdReusePolicy(
                WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
            .setTypedSearchAttributes(attributes.build())
            .build();
    return client.newWorkflowStub(InboundMessageWorkflow.class, options);
  }
}

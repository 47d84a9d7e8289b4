package io.switchboard.messaging;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One inbound message after its webhook was answered ({@code inbound-message:{MessageSid}}): its
 * media fetched from Twilio, encrypted and stored, then the message forwarded to the integration
 * endpoint. Keywords and the auto-reply stay in the webhook's own answer.
 */
@WorkflowInterface
public interface InboundMessageWorkflow {

  @WorkflowMethod
  InboundMessageOutcome receive(InboundMessageInput input);
}

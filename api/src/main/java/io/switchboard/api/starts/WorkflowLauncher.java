package io.switchboard.api.starts;

import com.google.protobuf.InvalidProtocolBufferException;
import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.config.SwitchboardProperties;
import io.switchboard.messaging.BulkSendInput;
import io.switchboard.messaging.BulkSendWorkflow;
import io.switchboard.messaging.MessageDeliveryWorkflow;
import io.switchboard.messaging.MessageRequest;
import io.switchboard.voice.outbound.OutboundCallRequest;
import io.switchboard.voice.outbound.OutboundCallWorkflow;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.converter.DataConverter;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * Turns a request into a pending start and a pending start into a running workflow. The input is
 * serialized with the client's own data converter, so the workflow receives exactly what a direct
 * start would have given it.
 */
@Component
public class WorkflowLauncher {

  private final WorkflowClient client;
  private final DataConverter converter;
  private final SwitchboardProperties properties;
  private final Clock clock;
  private final MeterRegistry meters;

  WorkflowLauncher(
      WorkflowClient client, SwitchboardProperties properties, Clock clock, MeterRegistry meters) {
    this.meters = meters;
    this.client = client;
    this.converter = client.getOptions().getDataConverter();
    this.properties = properties;
    this.clock = clock;
  }

  public PendingStart pending(String workflowId, StartKind kind, Object input) {
    Payload payload =
        converter
            .toPayload(input)
            .orElseThrow(() -> new IllegalArgumentException("no payload for " + kind));
    return new PendingStart(workflowId, kind, payload.toByteArray(), clock.instant(), 0);
  }

  /**
   * Starts the workflow; one that exists already (started by an earlier attempt, or run and closed)
   * is left alone, since the id's reuse policy is never to start a second.
   *
   * @return false when the workflow existed already
   */
  boolean launch(PendingStart start) {
    WorkflowOptions options =
        WorkflowOptions.newBuilder()
            .setWorkflowId(start.workflowId())
            .setTaskQueue(taskQueue(start.kind()))
            .setWorkflowIdReusePolicy(
                WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
            .build();
    try {
      switch (start.kind()) {
        case MESSAGE -> {
          MessageDeliveryWorkflow delivery =
              client.newWorkflowStub(MessageDeliveryWorkflow.class, options);
          WorkflowClient.start(delivery::deliver, input(start, MessageRequest.class));
        }
        case OUTBOUND_CALL -> {
          OutboundCallWorkflow call = client.newWorkflowStub(OutboundCallWorkflow.class, options);
          OutboundCallRequest request = input(start, OutboundCallRequest.class);
          WorkflowClient.start(call::place, request);
          meters
              .counter(
                  "switchboard.outbound.calls.initiated",
                  "mode",
                  request.flowName() != null ? "flow" : "twiml")
              .increment();
        }
        case BULK_SEND -> {
          BulkSendWorkflow bulk = client.newWorkflowStub(BulkSendWorkflow.class, options);
          WorkflowClient.start(bulk::send, input(start, BulkSendInput.class));
        }
      }
      return true;
    } catch (WorkflowExecutionAlreadyStarted e) {
      return false;
    }
  }

  private String taskQueue(StartKind kind) {
    return switch (kind) {
      case MESSAGE, BULK_SEND -> properties.taskQueues().messaging();
      case OUTBOUND_CALL -> properties.taskQueues().outbound();
    };
  }

  private <T> T input(PendingStart start, Class<T> type) {
    try {
      return converter.fromPayload(Payload.parseFrom(start.input()), type, type);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("unreadable input of " + start.workflowId(), e);
    }
  }
}

package io.switchboard.api.voice.outbound;

import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.api.messaging.IdempotencyConflictException;
import io.switchboard.config.SwitchboardProperties;
import io.switchboard.ops.NumberFingerprint;
import io.switchboard.voice.outbound.OutboundCallRecord;
import io.switchboard.voice.outbound.OutboundCallRepository;
import io.switchboard.voice.outbound.OutboundCallRequest;
import io.switchboard.voice.outbound.OutboundCallWorkflow;
import io.switchboard.voice.outbound.OutboundCallWorkflowIds;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import org.springframework.stereotype.Component;

/**
 * Accepts a call exactly once per idempotency key: the row (with the request's hash) is the durable
 * record of the key, and the workflow id {@code outbound-call:{key}} makes the start idempotent
 * too.
 */
@Component
class OutboundCallStarter {

  private final OutboundCallRepository calls;
  private final WorkflowClient client;
  private final String taskQueue;
  private final Clock clock;
  private final MeterRegistry meters;
  private final NumberFingerprint fingerprint;

  OutboundCallStarter(
      OutboundCallRepository calls,
      WorkflowClient client,
      SwitchboardProperties properties,
      Clock clock,
      MeterRegistry meters,
      NumberFingerprint fingerprint) {
    this.fingerprint = fingerprint;
    this.calls = calls;
    this.client = client;
    this.taskQueue = properties.taskQueues().voice();
    this.clock = clock;
    this.meters = meters;
  }

  OutboundCallRecord accept(OutboundCallRequest request) {
    String hash = hash(request);
    calls.insertAccepted(
        request.id(),
        request.from(),
        request.to(),
        request.flowName(),
        null,
        hash,
        request.callAtMillis() == null ? null : Instant.ofEpochMilli(request.callAtMillis()),
        clock.instant());
    OutboundCallRecord row = calls.findById(request.id()).orElseThrow();
    if (!hash.equals(row.requestHash())) {
      throw new IdempotencyConflictException(
          "This Idempotency-Key was used for a different call; use a new key for a new call, or"
              + " repeat the original request exactly.");
    }
    // Once the workflow has moved the call on, it exists; starting again could only call again
    // after Temporal forgot the closed workflow, which is what the row prevents.
    if ("accepted".equals(row.status())) {
      start(request);
    }
    return row;
  }

  private void start(OutboundCallRequest request) {
    WorkflowOptions options =
        WorkflowOptions.newBuilder()
            .setWorkflowId(OutboundCallWorkflowIds.outboundCall(request.id()))
            .setTaskQueue(taskQueue)
            .setWorkflowIdReusePolicy(
                WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
            .build();
    OutboundCallWorkflow call = client.newWorkflowStub(OutboundCallWorkflow.class, options);
    try {
      // Not part of the request's hash: the fingerprint is for ops' search by number only.
      WorkflowClient.start(
          call::place, request.withParticipantFingerprint(fingerprint.of(request.to())));
      meters
          .counter(
              "switchboard.outbound.calls.initiated",
              "mode",
              request.flowName() != null ? "flow" : "twiml")
          .increment();
    } catch (WorkflowExecutionAlreadyStarted e) {
      // The same request again while (or after) its workflow runs: nothing more to do.
    }
  }

  /**
   * The request's fingerprint: a record's text form is complete and its metadata sorted. Fields
   * added since the hash was introduced are left out of the text while they hold their default (the
   * participant fingerprint, always null here as it is added at start; a retry policy's
   * retryOnMachine when false; missedDial, which the API never sets), so that a request accepted
   * before they existed, retried with its key after an upgrade, keeps its hash.
   */
  static String hash(OutboundCallRequest request) {
    String text =
        request
            .toString()
            .replace(", retryOnMachine=false]", "]")
            .replace(", participantFingerprint=null, missedDial=null]", "]");
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

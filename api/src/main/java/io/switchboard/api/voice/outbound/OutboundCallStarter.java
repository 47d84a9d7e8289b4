package io.switchboard.api.voice.outbound;

import io.switchboard.api.messaging.IdempotencyConflictException;
import io.switchboard.api.starts.PendingStart;
import io.switchboard.api.starts.StartDispatcher;
import io.switchboard.api.starts.StartKind;
import io.switchboard.api.starts.WorkflowLauncher;
import io.switchboard.api.starts.WorkflowStarts;
import io.switchboard.ops.NumberFingerprint;
import io.switchboard.voice.outbound.OutboundCallRecord;
import io.switchboard.voice.outbound.OutboundCallRepository;
import io.switchboard.voice.outbound.OutboundCallRequest;
import io.switchboard.voice.outbound.OutboundCallWorkflowIds;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Accepts a call exactly once per idempotency key: the row (with the request's hash) is the durable
 * record of the key, and it commits with the workflow's start owed ({@link WorkflowStarts}), so the
 * 202 waits for PostgreSQL only; the workflow id {@code outbound-call:{key}} makes the start
 * idempotent too.
 */
@Component
@EnableConfigurationProperties(OutboundCallApiProperties.class)
class OutboundCallStarter {

  private final OutboundCallRepository calls;
  private final WorkflowStarts starts;
  private final WorkflowLauncher launcher;
  private final StartDispatcher dispatcher;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final NumberFingerprint fingerprint;
  private final OutboundCallApiProperties settings;

  OutboundCallStarter(
      OutboundCallRepository calls,
      WorkflowStarts starts,
      WorkflowLauncher launcher,
      StartDispatcher dispatcher,
      PlatformTransactionManager transactions,
      Clock clock,
      NumberFingerprint fingerprint,
      OutboundCallApiProperties settings) {
    this.fingerprint = fingerprint;
    this.calls = calls;
    this.starts = starts;
    this.launcher = launcher;
    this.dispatcher = dispatcher;
    this.transaction = new TransactionTemplate(transactions);
    this.clock = clock;
    this.settings = settings;
  }

  OutboundCallRecord accept(OutboundCallRequest request) {
    // Not part of the request's hash: the fingerprint is for ops' search by number only, and the
    // status check is our setting, not the client's request.
    PendingStart start =
        launcher.pending(
            OutboundCallWorkflowIds.outboundCall(request.id()),
            StartKind.OUTBOUND_CALL,
            request
                .withParticipantFingerprint(fingerprint.of(request.to()))
                .withStatusCheckSeconds(settings.statusCheckAfter().toSeconds()));
    Accepted accepted = transaction.execute(status -> record(request, start));
    if (accepted.owed()) {
      dispatcher.afterCommit(start);
    }
    return accepted.row();
  }

  private Accepted record(OutboundCallRequest request, PendingStart start) {
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
    // after Temporal forgot the closed workflow, which is what the row prevents. While the row is
    // still accepted, owing the start again is harmless: a started workflow is not restarted.
    boolean owed = "accepted".equals(row.status()) && starts.add(start, dispatcher.hold());
    return new Accepted(row, owed);
  }

  private record Accepted(OutboundCallRecord row, boolean owed) {}

  /**
   * The request's fingerprint: a record's text form is complete and its metadata sorted. Fields
   * added since the hash was introduced are left out of the text while they hold their default (the
   * participant fingerprint and the status check, always null here as they are added at start; a
   * retry policy's retryOnMachine when false; missedDial, which the API never sets), so that a
   * request accepted before they existed, retried with its key after an upgrade, keeps its hash.
   */
  static String hash(OutboundCallRequest request) {
    String text =
        request
            .toString()
            .replace(", retryOnMachine=false]", "]")
            .replace(
                ", participantFingerprint=null, missedDial=null, statusCheckSeconds=null]", "]");
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

package io.switchboard.voice.outbound;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A row of {@code outbound_calls}. Numbers are personal data: served by the API, never logged. */
@Table("outbound_calls")
public record OutboundCallRecord(
    @Id String id,
    String fromNumber,
    String toNumber,
    String flowName,
    String status,
    int attempt,
    int seq,
    String callSid,
    String answeredBy,
    Integer errorCode,
    String errorMessage,
    String metadata,
    String requestHash,
    Instant callAt,
    Instant createdAt,
    Instant updatedAt) {}

package io.switchboard.voice.outbound;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A row of {@code outbound_call_events}. */
@Table("outbound_call_events")
public record OutboundCallEventRecord(
    @Id Long id,
    String callId,
    int seq,
    int attempt,
    String callSid,
    String status,
    String answeredBy,
    Integer errorCode,
    Instant occurredAt) {}

package io.switchboard.voice;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A call as the REST API serves it. */
@Table("calls")
public record CallRecord(
    @Id String callSid,
    String accountSid,
    String fromNumber,
    String toNumber,
    String direction,
    String status,
    Instant startedAt,
    Instant updatedAt,
    Instant endedAt) {}

package io.switchboard.messaging;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** One status a message went through; {@code applied} is false for a late, older status. */
@Table("message_events")
public record MessageEventRecord(
    @Id Long id,
    String messageId,
    String status,
    int statusRank,
    Integer errorCode,
    String source,
    boolean applied,
    Instant occurredAt) {}

package io.switchboard.messaging;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A message as the REST API serves it. Addresses and inbound bodies are personal data. */
@Table("messages")
public record MessageRecord(
    @Id String id,
    String direction,
    String messageSid,
    String channel,
    String fromAddress,
    String toAddress,
    String body,
    int numMedia,
    String encoding,
    Integer segments,
    String status,
    int statusRank,
    Integer errorCode,
    String errorMessage,
    String requestHash,
    Instant sendAt,
    Instant createdAt,
    Instant updatedAt,
    Instant bodyErasedAt) {}

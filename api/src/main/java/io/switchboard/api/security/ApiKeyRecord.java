package io.switchboard.api.security;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** An API key as stored: a hash of the secret, never the secret. */
@Table("api_keys")
public record ApiKeyRecord(
    @Id String id,
    String name,
    String keyHash,
    String scopes,
    Instant createdAt,
    Instant revokedAt) {}

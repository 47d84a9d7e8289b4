package io.switchboard.api.starts;

import java.time.Instant;

/**
 * A workflow the API has promised to start.
 *
 * @param input the workflow's argument as a serialized Temporal payload
 * @param attempts starts tried and failed so far
 */
public record PendingStart(
    String workflowId, StartKind kind, byte[] input, Instant acceptedAt, int attempts) {}

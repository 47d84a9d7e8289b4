package io.switchboard.messaging;

/**
 * Where a bulk send stands, as each run of its workflow starts (the first, and each continued as
 * new).
 *
 * @param bulkId the bulk send's id (the client's idempotency key)
 * @param window how many messages may be in flight (started and not yet ended) at once
 * @param pageSize how many recipients to read from PostgreSQL at a time
 * @param perRun how many messages one run starts before it continues as new
 * @param progress the counts so far; {@code progress.started()} is the next recipient's sequence
 * @param paused whether a pause is in force
 * @param cancelled whether the bulk send was cancelled
 */
public record BulkSendInput(
    String bulkId,
    int window,
    int pageSize,
    int perRun,
    BulkProgress progress,
    boolean paused,
    boolean cancelled) {}

package io.switchboard.messaging;

/**
 * A bulk send's counts. A started message ends in exactly one of the outcome counts.
 *
 * @param bulkId the bulk send's id
 * @param state {@code running}, {@code paused}, {@code cancelling}, {@code completed} or {@code
 *     cancelled}
 * @param total how many recipients it has
 * @param started how many messages were started (recipients {@code 0 … started-1})
 * @param delivered how many ended delivered (or read)
 * @param sent how many ended sent without a delivery report (carriers that report none)
 * @param failed how many ended failed or undelivered, including refusals (opted out, rejected)
 * @param cancelled how many were cancelled before they were sent
 */
public record BulkProgress(
    String bulkId,
    String state,
    int total,
    int started,
    int delivered,
    int sent,
    int failed,
    int cancelled) {

  public static BulkProgress start(String bulkId, int total) {
    return new BulkProgress(bulkId, "running", total, 0, 0, 0, 0, 0);
  }

  /** How many were started and have not ended. */
  public int inFlight() {
    return started - delivered - sent - failed - cancelled;
  }

  BulkProgress withState(String newState) {
    return new BulkProgress(bulkId, newState, total, started, delivered, sent, failed, cancelled);
  }

  BulkProgress startedOne() {
    return new BulkProgress(bulkId, state, total, started + 1, delivered, sent, failed, cancelled);
  }

  /** Counts one message's end by its final status. */
  BulkProgress ended(String status) {
    return switch (status == null ? "" : status) {
      case "delivered", "read" ->
          new BulkProgress(bulkId, state, total, started, delivered + 1, sent, failed, cancelled);
      case "sent" ->
          new BulkProgress(bulkId, state, total, started, delivered, sent + 1, failed, cancelled);
      case "canceled" ->
          new BulkProgress(bulkId, state, total, started, delivered, sent, failed, cancelled + 1);
      default ->
          new BulkProgress(bulkId, state, total, started, delivered, sent, failed + 1, cancelled);
    };
  }
}

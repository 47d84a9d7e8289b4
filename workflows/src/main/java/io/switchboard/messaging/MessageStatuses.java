package io.switchboard.messaging;

/**
 * Twilio's outbound message statuses as a forward-only order. A status may replace the current one
 * only if it ranks higher, so a duplicate or late callback (a {@code sent} arriving after {@code
 * delivered}) cannot move a message backwards. A static helper, not record methods, because record
 * accessors become JSON properties in workflow payloads.
 */
public final class MessageStatuses {

  /** The rank of the final statuses: delivered, undelivered, failed, canceled. */
  public static final int FINAL = 5;

  private MessageStatuses() {}

  /** Where a status stands in the lifecycle; -1 for statuses outbound messages never take. */
  public static int rank(String status) {
    if (status == null) {
      return -1;
    }
    return switch (status) {
      case "accepted" -> 0;
      case "scheduled" -> 1;
      case "queued" -> 2;
      case "sending" -> 3;
      case "sent" -> 4;
      case "delivered", "undelivered", "failed", "canceled" -> FINAL;
      // WhatsApp reports reads after delivery.
      case "read" -> FINAL + 1;
      default -> -1;
    };
  }

  /** Whether Twilio will report nothing more that changes the outcome. */
  public static boolean isFinal(String status) {
    return rank(status) >= FINAL;
  }
}

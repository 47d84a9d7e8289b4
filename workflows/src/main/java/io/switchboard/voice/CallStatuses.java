package io.switchboard.voice;

/**
 * Twilio's call statuses. A static helper rather than a method on the records, because record
 * accessors and {@code isX()} methods become JSON properties in workflow payloads.
 */
public final class CallStatuses {

  private CallStatuses() {}

  /** Whether the status ends the call, per Twilio's list of final call statuses. */
  public static boolean isFinal(String status) {
    if (status == null) {
      return false;
    }
    return switch (status) {
      case "completed", "busy", "no-answer", "failed", "canceled" -> true;
      default -> false;
    };
  }

  /**
   * Whether Twilio's AnsweredBy names anything but a person ({@code machine_start}, {@code
   * machine_end_beep}, ..., {@code fax}); {@code human} and {@code unknown} are not.
   */
  public static boolean isMachine(String answeredBy) {
    return answeredBy != null && (answeredBy.startsWith("machine") || answeredBy.equals("fax"));
  }
}

package io.switchboard.common;

/**
 * Default task queue names, one per feature. Deployments may rename them through configuration
 * ({@code switchboard.task-queues.*}); these are the names used when nothing is configured.
 */
public final class TaskQueues {
  public static final String VOICE = "voice";

  /**
   * Outbound calls that services start: a campaign of thousands must not queue ahead of the inbound
   * calls' turns, which a caller is waiting on.
   */
  public static final String OUTBOUND = "outbound";

  public static final String MESSAGING = "messaging";
  public static final String RECORDING = "recording";

  private TaskQueues() {}
}

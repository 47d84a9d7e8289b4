package io.switchboard.ops;

/** Ids of the operational schedules and their workflows. */
public final class OpsWorkflowIds {

  /**
   * The Temporal Schedule that polls Twilio's balance; its runs are {@code twilio-balance-<time>}.
   */
  public static final String BALANCE_SCHEDULE = "twilio-balance";

  private OpsWorkflowIds() {}
}

package io.switchboard.common;

import io.temporal.activity.LocalActivityOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/**
 * How workflows run their PostgreSQL reads and writes: as local activities, in the worker that runs
 * the workflow task, kept as markers in the history. Each is a short statement that is safe to
 * repeat, which is what local activities are for; as ordinary activities every one of them cost the
 * Temporal server an activity task and one more workflow task. Twilio calls stay ordinary
 * activities: they may wait at a rate gate, and their retries are the log ops read.
 */
public final class LocalRecords {

  /** Retries like the workflows' database activities always did, until the database is back. */
  public static final LocalActivityOptions OPTIONS =
      LocalActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofSeconds(10))
          // Without a schedule-to-close timeout (or a maximum of attempts), the SDK takes a local
          // activity's retry policy as not set and never retries it: a PostgreSQL restart then
          // failed the message at its first write (found by the fault matrix, 2026-12-03). A
          // week of retries, a minute apart, rides out any outage ops would fix.
          .setScheduleToCloseTimeout(Duration.ofDays(7))
          .setRetryOptions(Retries.UNTIL_DONE)
          .build();

  /**
   * The change each workflow that adopted them puts its records behind; a run from before the
   * change replays with its records as the activities it made.
   */
  public static final String CHANGE = "local-records";

  /**
   * The records' stub for this run: the local one from the change on, the ordinary activities for
   * runs from before it. Call it once per run, at the run's first database call, and keep what it
   * returns: it records the change's version marker where it is first called.
   */
  public static <T> T chosen(T activities, T localActivities) {
    return Workflow.getVersion(CHANGE, Workflow.DEFAULT_VERSION, 1) >= 1
        ? localActivities
        : activities;
  }

  private LocalRecords() {}
}

package io.switchboard.ops;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.ScheduleOverlapPolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.schedules.Schedule;
import io.temporal.client.schedules.ScheduleActionStartWorkflow;
import io.temporal.client.schedules.ScheduleAlreadyRunningException;
import io.temporal.client.schedules.ScheduleClient;
import io.temporal.client.schedules.ScheduleClientOptions;
import io.temporal.client.schedules.ScheduleIntervalSpec;
import io.temporal.client.schedules.ScheduleOptions;
import io.temporal.client.schedules.SchedulePolicy;
import io.temporal.client.schedules.ScheduleSpec;
import io.temporal.client.schedules.ScheduleUpdate;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Registers the {@code twilio-balance} Temporal Schedule when a worker starts, or brings an
 * existing one up to date with the configuration. Schedules live in the Temporal server, so the
 * check runs (and shows in the UI under Schedules) however many workers there are. The in-memory
 * test server has no Schedules: there the check is off, and the log says so.
 */
@Component
class BalanceSchedule {

  private static final Logger log = LoggerFactory.getLogger(BalanceSchedule.class);

  private final WorkflowClient workflows;
  private final String taskQueue;
  private final Duration every;
  private final BigDecimal lowBelow;

  BalanceSchedule(
      WorkflowClient workflows,
      @Value("${switchboard.task-queues.ops:ops}") String taskQueue,
      @Value("${switchboard.ops.balance-check.every:15m}") Duration every,
      @Value("${switchboard.ops.balance-check.low-below:20}") BigDecimal lowBelow) {
    this.workflows = workflows;
    this.taskQueue = taskQueue;
    this.every = every;
    this.lowBelow = lowBelow;
  }

  @EventListener(ApplicationReadyEvent.class)
  void register() {
    // The schedule's client must share the workflows' data converter: its input is encrypted too.
    ScheduleClient schedules =
        ScheduleClient.newInstance(
            workflows.getWorkflowServiceStubs(),
            ScheduleClientOptions.newBuilder()
                .setNamespace(workflows.getOptions().getNamespace())
                .setDataConverter(workflows.getOptions().getDataConverter())
                .build());
    try {
      schedules.createSchedule(
          OpsWorkflowIds.BALANCE_SCHEDULE,
          schedule(),
          ScheduleOptions.newBuilder().setTriggerImmediately(true).build());
      log.info("registered the Temporal Schedule {}", OpsWorkflowIds.BALANCE_SCHEDULE);
    } catch (ScheduleAlreadyRunningException e) {
      updateExisting(schedules);
    } catch (RuntimeException e) {
      if (unimplemented(e)) {
        log.info(
            "this Temporal server has no Schedules (the in-memory test server):"
                + " the low-balance check is off");
        return;
      }
      log.warn("could not register the Temporal Schedule {}", OpsWorkflowIds.BALANCE_SCHEDULE, e);
    }
  }

  /**
   * Every restart of a persistent platform lands here. A failure is logged, not thrown: an event
   * listener that throws stops the application, and an out-of-date balance check is no reason to
   * refuse calls.
   */
  private void updateExisting(ScheduleClient schedules) {
    try {
      schedules
          .getHandle(OpsWorkflowIds.BALANCE_SCHEDULE)
          .update(input -> new ScheduleUpdate(schedule()));
    } catch (RuntimeException e) {
      log.warn("could not update the Temporal Schedule {}", OpsWorkflowIds.BALANCE_SCHEDULE, e);
    }
  }

  Schedule schedule() {
    return Schedule.newBuilder()
        .setAction(
            ScheduleActionStartWorkflow.newBuilder()
                .setWorkflowType(BalanceCheckWorkflow.class)
                .setArguments(new BalanceCheckInput(lowBelow))
                .setOptions(
                    WorkflowOptions.newBuilder()
                        .setWorkflowId(OpsWorkflowIds.BALANCE_SCHEDULE)
                        .setTaskQueue(taskQueue)
                        .setWorkflowExecutionTimeout(Duration.ofMinutes(5))
                        .build())
                .build())
        .setSpec(
            ScheduleSpec.newBuilder()
                .setIntervals(List.of(new ScheduleIntervalSpec(every)))
                .build())
        .setPolicy(
            SchedulePolicy.newBuilder()
                .setOverlap(ScheduleOverlapPolicy.SCHEDULE_OVERLAP_POLICY_SKIP)
                .build())
        .build();
  }

  private static boolean unimplemented(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof StatusRuntimeException status
          && status.getStatus().getCode() == Status.Code.UNIMPLEMENTED) {
        return true;
      }
    }
    return false;
  }
}

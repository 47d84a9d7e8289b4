package io.switchboard.platform;

import io.switchboard.messaging.MessageWorkflowIds;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** What the fault matrix reads from workflow histories, to show that a fault really struck. */
final class FaultMatrixHistories {

  /** A throttled sender sends through SendWithinRate, any other through Send. */
  private static final Set<String> SEND_ACTIVITIES = Set.of("Send", "SendWithinRate");

  private FaultMatrixHistories() {}

  /** The attempt that ended the send activity that sent, from the finished workflow's history. */
  static int sendAttempt(WorkflowClient workflows, String key) throws Exception {
    String workflowId = MessageWorkflowIds.message(key);
    workflows.newUntypedWorkflowStub(workflowId).getResult(60, TimeUnit.SECONDS, Object.class);
    List<HistoryEvent> history = workflows.fetchHistory(workflowId).getEvents();
    // A throttled send may first be handed back to wait on a durable timer and run again as a new
    // activity; the last one scheduled is the one that sent, and its retries keep its event id.
    long scheduled =
        history.stream()
            .filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED)
            .filter(
                e ->
                    SEND_ACTIVITIES.contains(
                        e.getActivityTaskScheduledEventAttributes().getActivityType().getName()))
            .reduce((first, second) -> second)
            .orElseThrow()
            .getEventId();
    return history.stream()
        .filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED)
        .filter(e -> e.getActivityTaskStartedEventAttributes().getScheduledEventId() == scheduled)
        .findFirst()
        .orElseThrow()
        .getActivityTaskStartedEventAttributes()
        .getAttempt();
  }
}

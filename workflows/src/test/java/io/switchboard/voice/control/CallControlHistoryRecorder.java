package io.switchboard.voice.control;

import io.switchboard.common.RecordedHistories;
import io.switchboard.common.SwitchboardSearchAttributes;
import io.switchboard.voice.control.CallCommand.Action;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.SearchAttributeKey;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Records the histories that {@link CallControlReplayTest} replays: a call command (video rooms,
 * which now live as long as the room, are recorded by {@code VideoRoomHistoryRecorder}). Run it on
 * purpose, when a workflow change is released, with {@code -Dswitchboard.recordHistories=true} and
 * {@code -Dswitchboard.historyVersion=v2}; new files are added beside the old ones, which must keep
 * replaying.
 */
@EnabledIfSystemProperty(named = "switchboard.recordHistories", matches = "true")
class CallControlHistoryRecorder {

  static final String VERSION = System.getProperty("switchboard.historyVersion", "v2");

  @Test
  void recordHangUp() throws Exception {
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      for (SearchAttributeKey<?> attribute : SwitchboardSearchAttributes.ALL) {
        env.registerSearchAttribute(
            attribute.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);
      }
      Worker worker = env.newWorker("voice");
      worker.registerWorkflowImplementationTypes(CallControlWorkflowImpl.class);
      CallControlActivities control =
          command -> new CallCommandResult(command.callSid(), "completed", null, null, null, null);
      worker.registerActivitiesImplementations(control);
      env.start();
      WorkflowClient client = env.getWorkflowClient();

      client
          .newWorkflowStub(CallControlWorkflow.class, options("call-control:CA1:h1"))
          .control(new CallCommand("CA1", Action.HANG_UP, null));
      write(client, "call-control:CA1:h1", "hang-up-" + VERSION + ".json");
    }
  }

  private static WorkflowOptions options(String workflowId) {
    return WorkflowOptions.newBuilder().setWorkflowId(workflowId).setTaskQueue("voice").build();
  }

  private static void write(WorkflowClient client, String workflowId, String name)
      throws Exception {
    Path file = CallControlReplayTest.HISTORIES.resolve(name);
    RecordedHistories.writeNew(file, client.fetchHistory(workflowId).toJson(true));
  }
}

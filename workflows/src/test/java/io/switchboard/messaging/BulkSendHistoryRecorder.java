package io.switchboard.messaging;

import io.switchboard.common.RecordedHistories;
import io.switchboard.common.SwitchboardSearchAttributes;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import io.temporal.common.SearchAttributeKey;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Records the histories that {@link BulkSendReplayTest} replays, and a throttled delivery for
 * {@link MessageDeliveryReplayTest}. Run it on purpose with {@code
 * -Dswitchboard.recordHistories=true}; new files go beside the old ones, which must keep replaying.
 */
@EnabledIfSystemProperty(named = "switchboard.recordHistories", matches = "true")
class BulkSendHistoryRecorder {

  @Test
  void recordBulkPausedResumedAndContinuedAsNew() throws Exception {
    try (TestWorkflowEnvironment env = environment()) {
      Worker worker = env.newWorker("messaging");
      worker.registerWorkflowImplementationTypes(
          BulkSendWorkflowImpl.class, MessageDeliveryWorkflowImpl.class);
      worker.registerActivitiesImplementations(
          new BulkFakes.GatedSends(env, 2), new BulkFakes.Recipients(8));
      env.start();
      WorkflowClient client = env.getWorkflowClient();
      BulkSendWorkflow bulk =
          BulkSendWorkflowTest.start(client, worker, BulkSendWorkflowTest.input("h1", 8, 2, 5));
      env.sleep(Duration.ofSeconds(1));
      bulk.pause();
      env.sleep(Duration.ofSeconds(5));
      bulk.resume();
      // The first run: it ends by continuing as new after 5 messages.
      String firstRun = WorkflowStub.fromTyped(bulk).getExecution().getRunId();
      BulkSendWorkflowTest.result(bulk);
      String json = client.fetchHistory("bulk:h1", firstRun).toJson(true);
      RecordedHistories.writeNew(
          BulkSendReplayTest.HISTORIES.resolve("paused-resumed-continued-v2.json"), json);
      String last = client.fetchHistory("bulk:h1").toJson(true);
      RecordedHistories.writeNew(
          BulkSendReplayTest.HISTORIES.resolve("completed-after-continue-v2.json"), last);
      String child = client.fetchHistory(MessageWorkflowIds.message("h1~1")).toJson(true);
      RecordedHistories.writeNew(
          MessageDeliveryReplayTest.HISTORIES.resolve("throttled-in-bulk-v4.json"), child);
    }
  }

  @Test
  void recordBulkCancelled() throws Exception {
    try (TestWorkflowEnvironment env = environment()) {
      Worker worker = env.newWorker("messaging");
      worker.registerWorkflowImplementationTypes(
          BulkSendWorkflowImpl.class, MessageDeliveryWorkflowImpl.class);
      worker.registerActivitiesImplementations(
          new BulkFakes.GatedSends(env, 1), new BulkFakes.Recipients(10));
      env.start();
      WorkflowClient client = env.getWorkflowClient();
      BulkSendWorkflow bulk =
          BulkSendWorkflowTest.start(client, worker, BulkSendWorkflowTest.input("h2", 10, 3, 50));
      env.sleep(Duration.ofSeconds(3));
      bulk.cancel();
      BulkSendWorkflowTest.result(bulk);
      RecordedHistories.writeNew(
          BulkSendReplayTest.HISTORIES.resolve("cancelled-v2.json"),
          client.fetchHistory("bulk:h2").toJson(true));
    }
  }

  private static TestWorkflowEnvironment environment() {
    TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();
    for (SearchAttributeKey<?> attribute : SwitchboardSearchAttributes.ALL) {
      env.registerSearchAttribute(attribute.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);
    }
    return env;
  }
}

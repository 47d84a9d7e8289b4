package io.switchboard.messaging;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import io.switchboard.common.RecordedHistories;
import io.switchboard.messaging.InboundMessageActivities.MediaRequest;
import io.switchboard.messaging.InboundMessageOutcome.Forwarding;
import io.temporal.client.WorkflowClient;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.nio.file.Files;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Records the histories that {@link InboundMessageReplayTest} replays. Run it on purpose, when a
 * workflow change is released, with {@code -Dswitchboard.recordHistories=true}.
 */
@EnabledIfSystemProperty(named = "switchboard.recordHistories", matches = "true")
class InboundMessageHistoryRecorder {

  @Test
  void recordMmsStoredForwardedAndDeletedAtTwilio() throws Exception {
    record(
        "mms-stored-forwarded-v1.json",
        List.of(InboundMessageWorkflowTest.PICTURE, InboundMessageWorkflowTest.FOREIGN),
        true,
        activities -> {
          when(activities.storeMedia(
                  new MediaRequest(
                      InboundMessageWorkflowTest.SID, InboundMessageWorkflowTest.PICTURE)))
              .thenReturn(InboundMessageWorkflowTest.stored(0));
          when(activities.storeMedia(
                  new MediaRequest(
                      InboundMessageWorkflowTest.SID, InboundMessageWorkflowTest.FOREIGN)))
              .thenReturn(InboundMessageWorkflowTest.refused(1));
          when(activities.forward(any())).thenReturn(Forwarding.DELIVERED);
        });
  }

  @Test
  void recordForwardRetriedUntilDelivered() throws Exception {
    record(
        "forward-retried-v1.json",
        List.of(),
        true,
        activities ->
            when(activities.forward(any()))
                .thenThrow(new IllegalStateException("integration endpoint answered HTTP 503"))
                .thenReturn(Forwarding.DELIVERED));
  }

  @Test
  void recordMediaFailedWithoutEndpoint() throws Exception {
    record(
        "media-failed-not-forwarded-v1.json",
        List.of(InboundMessageWorkflowTest.PICTURE),
        false,
        activities -> {
          when(activities.storeMedia(any()))
              .thenThrow(new IllegalStateException("media download answered HTTP 503"));
          when(activities.forward(any())).thenReturn(Forwarding.NOT_CONFIGURED);
        });
  }

  private static void record(
      String name,
      List<InboundMedia> media,
      boolean delete,
      Consumer<InboundMessageActivities> behaviour)
      throws Exception {
    InboundMessageActivities activities =
        mock(InboundMessageActivities.class, withSettings().withoutAnnotations());
    behaviour.accept(activities);
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      Worker worker = env.newWorker("messaging");
      worker.registerWorkflowImplementationTypes(InboundMessageWorkflowImpl.class);
      worker.registerActivitiesImplementations(activities);
      env.start();
      WorkflowClient client = env.getWorkflowClient();
      InboundMessageWorkflowTest.start(client, worker, media, delete);
      String id = MessageWorkflowIds.inboundMessage(InboundMessageWorkflowTest.SID);
      Files.createDirectories(InboundMessageReplayTest.HISTORIES);
      RecordedHistories.writeNew(
          InboundMessageReplayTest.HISTORIES.resolve(name), client.fetchHistory(id).toJson(true));
    }
  }
}

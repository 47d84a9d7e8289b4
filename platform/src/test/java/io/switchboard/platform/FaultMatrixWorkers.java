package io.switchboard.platform;

import io.switchboard.messaging.MessageDeliveryWorkflowImpl;
import io.switchboard.recording.RecordingPipelineWorkflowImpl;
import io.switchboard.voice.CallSessionWorkflowImpl;
import io.temporal.client.WorkflowClient;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import java.util.concurrent.TimeUnit;
import org.springframework.context.ApplicationContext;

/**
 * Kills the platform's Temporal workers mid-activity and starts replacements, as a crashed worker
 * process and its restart would. The replacement registers what {@code application.yaml}'s worker
 * profile declares.
 */
final class FaultMatrixWorkers {

  private static WorkerFactory replacement;

  private FaultMatrixWorkers() {}

  /** Stops polling and interrupts the running activities at once, abandoning their attempts. */
  static void kill(WorkerFactory factory) throws InterruptedException {
    factory.shutdownNow();
    factory.awaitTermination(10, TimeUnit.SECONDS);
  }

  static synchronized void startReplacement(WorkflowClient client, ApplicationContext context) {
    replacement = WorkerFactory.newInstance(client);
    register(
        replacement, "voice", CallSessionWorkflowImpl.class, context.getBean("voiceActivities"));
    register(
        replacement,
        "messaging",
        MessageDeliveryWorkflowImpl.class,
        context.getBean("messagingActivities"));
    register(
        replacement,
        "recording",
        RecordingPipelineWorkflowImpl.class,
        context.getBean("recordingActivities"));
    replacement.start();
  }

  static synchronized void shutdownReplacement() throws InterruptedException {
    if (replacement != null) {
      replacement.shutdownNow();
      replacement.awaitTermination(10, TimeUnit.SECONDS);
      replacement = null;
    }
  }

  private static void register(
      WorkerFactory factory, String queue, Class<?> workflow, Object activities) {
    Worker worker = factory.newWorker(queue);
    worker.registerWorkflowImplementationTypes(workflow);
    worker.registerActivitiesImplementations(activities);
  }
}

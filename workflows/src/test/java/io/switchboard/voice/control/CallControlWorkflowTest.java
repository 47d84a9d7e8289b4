package io.switchboard.voice.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import io.switchboard.common.TwilioFailureType;
import io.switchboard.voice.control.CallCommand.Action;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CallControlWorkflowTest {

  @RegisterExtension
  static final TestWorkflowExtension temporal =
      TestWorkflowExtension.newBuilder()
          .registerWorkflowImplementationTypes(CallControlWorkflowImpl.class)
          .setDoNotStart(true)
          .build();

  private final CallControlActivities activities =
      mock(CallControlActivities.class, withSettings().withoutAnnotations());

  private static final CallCommand PAUSE = new CallCommand("CA1", Action.RECORDING_PAUSE, "RE1");

  @Test
  void twilioAnswerIsTheResult(TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    when(activities.apply(any()))
        .thenReturn(new CallCommandResult("CA1", null, "RE1", "paused", null, null));
    worker.registerActivitiesImplementations(activities);
    env.start();

    CallCommandResult result = stub(client, worker).control(PAUSE);

    assertThat(result.recordingStatus()).isEqualTo("paused");
  }

  @Test
  void refusalIsAnAnswerWithTwiliosCodeNotAFailure(
      TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    when(activities.apply(any()))
        .thenThrow(
            ApplicationFailure.newFailure(
                "Call is not in-progress", TwilioFailureType.TWILIO_REJECTED.name(), 21220));
    worker.registerActivitiesImplementations(activities);
    env.start();

    CallCommandResult result = stub(client, worker).control(PAUSE);

    assertThat(result.errorCode()).isEqualTo(21220);
    verify(activities, times(1)).apply(any());
  }

  @Test
  void transientFailuresAreRetriedABoundedNumberOfTimes(
      TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    when(activities.apply(any()))
        .thenThrow(
            ApplicationFailure.newFailure(
                "Service unavailable", TwilioFailureType.TWILIO_UNAVAILABLE.name(), 20503));
    worker.registerActivitiesImplementations(activities);
    env.start();

    assertThatThrownBy(() -> stub(client, worker).control(PAUSE))
        .isInstanceOf(WorkflowFailedException.class);
    verify(activities, times(4)).apply(any());
  }

  private static CallControlWorkflow stub(WorkflowClient client, Worker worker) {
    return client.newWorkflowStub(
        CallControlWorkflow.class,
        WorkflowOptions.newBuilder()
            .setWorkflowId("call-control:CA1:" + UUID.randomUUID())
            .setTaskQueue(worker.getTaskQueue())
            .build());
  }
}

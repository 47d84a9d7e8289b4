package io.switchboard.voice.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import io.switchboard.common.SwitchboardSearchAttributes;
import io.switchboard.common.TwilioFailureType;
import io.switchboard.voice.control.CallCommand.Action;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.SearchAttributes;
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
          .registerSearchAttribute("CallSid", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
          .registerSearchAttribute("Channel", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
          .registerSearchAttribute("CommStatus", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
          .registerSearchAttribute("FlowName", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
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
  void commandsAreFoundByTheirCallSidWithTheCallsStatusAfterThem(
      TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    when(activities.apply(any()))
        .thenReturn(new CallCommandResult("CA1", "completed", null, null, null, null));
    worker.registerActivitiesImplementations(activities);
    env.start();

    CallControlWorkflow control = stub(client, worker);
    control.control(new CallCommand("CA1", Action.HANG_UP, null));

    SearchAttributes attributes =
        WorkflowStub.fromTyped(control).describe().getTypedSearchAttributes();
    assertThat(attributes.get(SwitchboardSearchAttributes.CALL_SID)).isEqualTo("CA1");
    assertThat(attributes.get(SwitchboardSearchAttributes.CHANNEL)).isEqualTo("voice");
    assertThat(attributes.get(SwitchboardSearchAttributes.COMM_STATUS)).isEqualTo("completed");
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

package io.switchboard.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import io.switchboard.messaging.InboundMessageActivities.ForwardRequest;
import io.switchboard.messaging.InboundMessageActivities.MediaFailure;
import io.switchboard.messaging.InboundMessageActivities.MediaRequest;
import io.switchboard.messaging.InboundMessageActivities.StoredMedia;
import io.switchboard.messaging.InboundMessageOutcome.Forwarding;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;

class InboundMessageWorkflowTest {

  @RegisterExtension
  static final TestWorkflowExtension temporal =
      TestWorkflowExtension.newBuilder()
          .registerWorkflowImplementationTypes(InboundMessageWorkflowImpl.class)
          .setDoNotStart(true)
          .build();

  static final String SID = "MM00000000000000000000000000000001";
  static final InboundMedia PICTURE =
      new InboundMedia(
          0,
          "https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/" + SID + "/Media/ME1",
          "image/png");
  static final InboundMedia FOREIGN =
      new InboundMedia(1, "https://169.254.169.254/latest/meta-data", "image/jpeg");

  private final InboundMessageActivities activities =
      mock(InboundMessageActivities.class, withSettings().withoutAnnotations());

  static StoredMedia stored(int index) {
    return new StoredMedia(index, InboundMediaState.STORED, 2_048, "ab".repeat(32));
  }

  static StoredMedia refused(int index) {
    return new StoredMedia(index, InboundMediaState.REFUSED, 0, null);
  }

  @Test
  void storesMediaBeforeForwardingAndDeletesOnlyStoredCopiesAtTwilio(
      TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    when(activities.storeMedia(new MediaRequest(SID, PICTURE))).thenReturn(stored(0));
    when(activities.storeMedia(new MediaRequest(SID, FOREIGN))).thenReturn(refused(1));
    when(activities.forward(any())).thenReturn(Forwarding.DELIVERED);
    worker.registerActivitiesImplementations(activities);
    env.start();

    InboundMessageOutcome outcome = start(client, worker, List.of(PICTURE, FOREIGN), true);

    assertThat(outcome).isEqualTo(new InboundMessageOutcome(1, 1, 0, Forwarding.DELIVERED));
    InOrder order = inOrder(activities);
    order.verify(activities).storeMedia(new MediaRequest(SID, PICTURE));
    order.verify(activities).storeMedia(new MediaRequest(SID, FOREIGN));
    order.verify(activities).forward(new ForwardRequest(SID, SID));
    verify(activities).deleteMediaAtTwilio(new MediaRequest(SID, PICTURE));
    verify(activities, never()).deleteMediaAtTwilio(new MediaRequest(SID, FOREIGN));
  }

  @Test
  void forwardingIsRetriedByTheDeclaredPolicyUntilTheEndpointTakesIt(
      TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    when(activities.forward(any()))
        .thenThrow(new IllegalStateException("integration endpoint answered HTTP 503"))
        .thenThrow(new IllegalStateException("integration endpoint answered HTTP 503"))
        .thenReturn(Forwarding.DELIVERED);
    worker.registerActivitiesImplementations(activities);
    env.start();

    InboundMessageOutcome outcome = start(client, worker, List.of(), true);

    assertThat(outcome.forwarding()).isEqualTo(Forwarding.DELIVERED);
    ArgumentCaptor<ForwardRequest> requests = ArgumentCaptor.forClass(ForwardRequest.class);
    verify(activities, times(3)).forward(requests.capture());
    assertThat(requests.getAllValues())
        .extracting(ForwardRequest::idempotencyKey)
        .as("every attempt carries the same idempotency key")
        .containsOnly(SID);
  }

  @Test
  void mediumTwilioNeverServesIsMarkedFailedAndTheMessageIsStillForwarded(
      TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    when(activities.storeMedia(any()))
        .thenThrow(new IllegalStateException("media download answered HTTP 503"));
    when(activities.forward(any())).thenReturn(Forwarding.DELIVERED);
    worker.registerActivitiesImplementations(activities);
    env.start();

    InboundMessageOutcome outcome = start(client, worker, List.of(PICTURE), true);

    assertThat(outcome).isEqualTo(new InboundMessageOutcome(0, 0, 1, Forwarding.DELIVERED));
    verify(activities, times(8)).storeMedia(any());
    ArgumentCaptor<MediaFailure> failure = ArgumentCaptor.forClass(MediaFailure.class);
    verify(activities).markMediaFailed(failure.capture());
    assertThat(failure.getValue().index()).isZero();
    assertThat(failure.getValue().reason()).contains("HTTP 503");
    verify(activities, never()).deleteMediaAtTwilio(any());
  }

  @Test
  void withoutAnEndpointNothingIsForwardedAndTwilioKeepsMediaWhenAskedTo(
      TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    when(activities.storeMedia(any())).thenReturn(stored(0));
    when(activities.forward(any())).thenReturn(Forwarding.NOT_CONFIGURED);
    worker.registerActivitiesImplementations(activities);
    env.start();

    InboundMessageOutcome outcome = start(client, worker, List.of(PICTURE), false);

    assertThat(outcome).isEqualTo(new InboundMessageOutcome(1, 0, 0, Forwarding.NOT_CONFIGURED));
    verify(activities, never()).deleteMediaAtTwilio(any());
  }

  static InboundMessageOutcome start(
      WorkflowClient client, Worker worker, List<InboundMedia> media, boolean delete) {
    InboundMessageWorkflow workflow =
        client.newWorkflowStub(
            InboundMessageWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(MessageWorkflowIds.inboundMessage(SID))
                .setTaskQueue(worker.getTaskQueue())
                .setWorkflowExecutionTimeout(Duration.ofDays(3))
                .build());
    return workflow.receive(new InboundMessageInput(SID, media, delete));
  }
}

package io.switchboard.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.withSettings;

import io.switchboard.common.SwitchboardSearchAttributes;
import io.switchboard.voice.VoiceInstruction.Gather;
import io.switchboard.voice.VoiceInstruction.Say;
import io.switchboard.voice.flow.Flow;
import io.switchboard.voice.flow.Flows;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Call sessions that follow a flow, on Temporal's test server with its skipped time. */
class CallSessionFlowTest {

  /** Friday 2026-11-27, 12:30 in Berlin: the support line's lunch break. */
  static final Instant FRIDAY_LUNCH = Instant.parse("2026-11-27T11:30:00Z");

  @RegisterExtension
  static final TestWorkflowExtension temporal =
      TestWorkflowExtension.newBuilder()
          .registerWorkflowImplementationTypes(CallSessionWorkflowImpl.class)
          .registerSearchAttribute("CallSid", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
          .registerSearchAttribute("Channel", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
          .registerSearchAttribute("CommStatus", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
          .registerSearchAttribute("FlowName", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
          .setInitialTime(FRIDAY_LUNCH)
          .setDoNotStart(true)
          .build();

  static final Flow SUPPORT = Flows.parse(Flows.SUPPORT);

  static CallSessionInput call(String callSid, Flow flow) {
    return new CallSessionInput(
        callSid, "AC1", "+15551230001", "+15559870002", "inbound", 1L, flow);
  }

  @Test
  void outOfHoursCallGoesToVoicemailAndACallAfterLunchReachesTheMenu(
      TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    worker.registerActivitiesImplementations(
        mock(VoiceActivities.class, withSettings().withoutAnnotations()));
    env.start();

    VoiceInstruction closed = CallSessionWorkflowTest.answer(client, worker, call("CA1", SUPPORT));
    env.sleep(Duration.ofHours(1));
    VoiceInstruction open = CallSessionWorkflowTest.answer(client, worker, call("CA2", SUPPORT));

    assertThat(closed.verbs()).startsWith(new Say("We are closed."));
    assertThat(open.verbs()).startsWith(new Say("Welcome to support."));
    assertThat(session(client, "CA2").getState().node()).isEqualTo("main");
  }

  @Test
  void turnsWalkTheFlowAndTheStateShowsTheVersionNodeAndVariables(
      TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    worker.registerActivitiesImplementations(
        mock(VoiceActivities.class, withSettings().withoutAnnotations()));
    env.start();
    env.sleep(Duration.ofHours(1));
    CallSessionWorkflowTest.answer(client, worker, call("CA3", SUPPORT));
    CallSessionWorkflow session = session(client, "CA3");

    VoiceInstruction help = session.nextInstruction(action("CA3", "main", "2"));
    VoiceInstruction thanks = session.nextInstruction(action("CA3", "help", "4711"));

    assertThat(help.verbs().get(0)).isInstanceOf(Gather.class);
    assertThat(thanks.verbs()).startsWith(new Say("Thanks, account 4711."));
    CallState state = session.getState();
    assertThat(state.flowName()).isEqualTo("support");
    assertThat(state.flowVersion()).isEqualTo(1);
    assertThat(state.variables()).containsEntry("account", "4711");
    assertThat(
            WorkflowStub.fromTyped(session)
                .describe()
                .getTypedSearchAttributes()
                .get(SwitchboardSearchAttributes.FLOW_NAME))
        .isEqualTo("support");
    session.callStatusChanged(new CallStatusEvent("CA3", "completed", 30, 5));
    assertThat(WorkflowStub.fromTyped(session).getResult(CallState.class).ended()).isTrue();
  }

  @Test
  void aDuplicateFirstWebhookHearsTheSameStart(
      TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    worker.registerActivitiesImplementations(
        mock(VoiceActivities.class, withSettings().withoutAnnotations()));
    env.start();

    VoiceInstruction first = CallSessionWorkflowTest.answer(client, worker, call("CA4", SUPPORT));
    VoiceInstruction again = CallSessionWorkflowTest.answer(client, worker, call("CA4", SUPPORT));

    assertThat(again).isEqualTo(first);
    assertThat(session(client, "CA4").getState().turns()).isEqualTo(2);
  }

  static VoiceTurn action(String callSid, String step, String digits) {
    return new VoiceTurn(
        callSid, VoiceTurn.TurnKind.ACTION, Map.of("CallSid", callSid, "Digits", digits), step);
  }

  static CallSessionWorkflow session(WorkflowClient client, String callSid) {
    return client.newWorkflowStub(CallSessionWorkflow.class, CallWorkflowIds.call(callSid));
  }
}

package io.switchboard.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.withSettings;

import io.switchboard.voice.VoiceInstruction.Say;
import io.switchboard.voice.flow.Flow;
import io.switchboard.voice.flow.Flows;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A long call session continues as new and goes on where it stopped. */
class CallSessionContinueAsNewTest {

  @RegisterExtension
  static final TestWorkflowExtension temporal =
      TestWorkflowExtension.newBuilder()
          .registerWorkflowImplementationTypes(CallSessionWorkflowImpl.class)
          .registerSearchAttribute("CallSid", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
          .registerSearchAttribute("Channel", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
          .registerSearchAttribute("CommStatus", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
          .registerSearchAttribute("FlowName", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
          .setDoNotStart(true)
          .build();

  static final Flow LOOP =
      Flows.parse(
          """
          {'name':'loop','version':3,'start':'main','nodes':[
           {'id':'main','type':'menu','say':'Press 1 to hear this again, 2 to leave.',
            'routes':{'1':'main','2':'bye'},'retries':5,'noInput':'bye'},
           {'id':'bye','type':'hangup','say':'Bye {{main}}.'}]}
          """);

  @Test
  void aLongSessionContinuesAsNewAndKeepsItsPlaceTurnsAndVariables(
      TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    worker.registerActivitiesImplementations(
        mock(VoiceActivities.class, withSettings().withoutAnnotations()));
    env.start();
    CallSessionInput input =
        new CallSessionInput(
            "CA7", "AC1", "+15551230001", "+15559870002", "inbound", 1L, LOOP, 40, null);
    CallSessionWorkflowTest.answer(client, worker, input);
    CallSessionWorkflow session = CallSessionFlowTest.session(client, "CA7");
    String firstRun = WorkflowStub.fromTyped(session).describe().getExecution().getRunId();

    for (int turn = 0; turn < 20; turn++) {
      session.nextInstruction(CallSessionFlowTest.action("CA7", "main", "1"));
    }
    session.nextInstruction(CallSessionFlowTest.action("CA7", "main", ""));
    VoiceInstruction bye = session.nextInstruction(CallSessionFlowTest.action("CA7", "main", "2"));

    String lastRun = WorkflowStub.fromTyped(session).describe().getExecution().getRunId();
    assertThat(lastRun).isNotEqualTo(firstRun);
    assertThat(bye.verbs()).startsWith(new Say("Bye 2."));
    CallState state = session.getState();
    assertThat(state.turns()).isEqualTo(23);
    assertThat(state.flowVersion()).isEqualTo(3);
    assertThat(state.status()).isEqualTo("in-progress");
    session.callStatusChanged(new CallStatusEvent("CA7", "completed", 300, 4));
    CallState last = WorkflowStub.fromTyped(session).getResult(CallState.class);
    assertThat(last.ended()).isTrue();
    assertThat(last.turns()).isEqualTo(23);
  }
}

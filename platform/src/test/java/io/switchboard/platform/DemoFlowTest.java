package io.switchboard.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.voice.VoiceInstruction;
import io.switchboard.voice.flow.Flow;
import io.switchboard.voice.flow.FlowEngine;
import io.switchboard.voice.flow.FlowValidator;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The demo flow is published on the platform's first start: an invalid one would stop it. */
class DemoFlowTest {

  private static Flow demo() throws Exception {
    try (InputStream in = DemoFlowTest.class.getResourceAsStream("/flows/demo.json")) {
      return JsonMapper.builder().build().readValue(in, Flow.class);
    }
  }

  @Test
  void demoFlowIsValid() throws Exception {
    assertThat(FlowValidator.validate(demo())).isEmpty();
  }

  @Test
  void demoFlowWalksFromTheMenuToVoicemailAndGoodbye() throws Exception {
    FlowEngine engine = new FlowEngine(demo(), Map.of());

    assertThat(engine.start(0).verbs().get(0))
        .isEqualTo(new VoiceInstruction.Say("Welcome to Switchboard."));
    assertThat(engine.resume("main", Map.of("SpeechResult", "Message."), 0).verbs())
        .contains(new VoiceInstruction.Record("voicemail", 120, "../recording"));
    assertThat(engine.resume("voicemail", Map.of("RecordingSid", "RE1"), 0).verbs())
        .endsWith(new VoiceInstruction.Hangup());
  }
}

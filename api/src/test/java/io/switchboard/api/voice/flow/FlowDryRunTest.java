package io.switchboard.api.voice.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.api.voice.TwimlRenderer;
import io.switchboard.api.voice.flow.FlowViews.Transcript;
import io.switchboard.api.voice.flow.FlowViews.Turn;
import io.switchboard.voice.flow.Flow;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Dry runs of a route node that offers a queued callback. */
class FlowDryRunTest {

  static final String FLOW =
      """
      {"name":"cb","version":3,"start":"q","nodes":[
       {"id":"q","type":"route","skills":["billing"],"next":"bye",
        "callback":{"digit":"1","prompt":"Press 1 for a call back.",
                    "confirmPrompt":"We will call you back."}},
       {"id":"bye","type":"hangup","say":"Thanks for waiting."}]}
      """;

  private final FlowDryRun dryRun = new FlowDryRun(new TwimlRenderer());
  private final Flow flow = JsonMapper.builder().build().readValue(FLOW, Flow.class);

  @Test
  void theCallerWhoPressesTheDigitHearsTheConfirmationAndLeavesForACallback() {
    Transcript run = dryRun.run(flow, List.of("1"), Map.of(), Instant.EPOCH);

    assertThat(run.turns())
        .extracting(Turn::request)
        .containsExactly(
            "/webhooks/voice",
            "/webhooks/voice/q.wait",
            "/webhooks/voice/q.callback",
            "/webhooks/voice/q");
    assertThat(run.turns().get(1).twiml())
        .contains("<Gather action=\"q.callback\"")
        .contains("Press 1 for a call back.");
    assertThat(run.turns().get(2).twiml()).contains("<Leave/>");
    assertThat(run.turns().get(3).twiml()).contains("We will call you back.").contains("<Hangup/>");
    assertThat(run.ended()).isTrue();
    assertThat(run.variables()).containsEntry("callback", "requested");
  }

  @Test
  void aCallerWhoLetsTheOfferPassIsBridgedAndTheSameScriptGivesTheSameTranscript() {
    Transcript first = dryRun.run(flow, List.of(""), Map.of(), Instant.EPOCH);
    Transcript again = dryRun.run(flow, List.of(""), Map.of(), Instant.EPOCH);

    assertThat(first.turns().get(first.turns().size() - 1).twiml()).contains("Thanks for waiting.");
    assertThat(first.variables())
        .doesNotContainKey("callback")
        .containsEntry("queueResult", "bridged");
    assertThat(again).isEqualTo(first);
  }
}

package io.switchboard.api.voice.flow;

import io.switchboard.api.voice.TwimlRenderer;
import io.switchboard.api.voice.flow.FlowViews.Transcript;
import io.switchboard.api.voice.flow.FlowViews.Turn;
import io.switchboard.voice.VoiceInstruction;
import io.switchboard.voice.flow.Flow;
import io.switchboard.voice.flow.FlowEngine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Runs a flow without a call: the session's own {@link FlowEngine} answers each turn, and a
 * scripted caller plays Twilio's part (the same script as the simulator's inbound calls).
 */
@Component
public class FlowDryRun {

  /** A runaway script stops here; a real call would too, much later. */
  static final int MAX_TURNS = 50;

  private final TwimlRenderer twiml;

  public FlowDryRun(TwimlRenderer twiml) {
    this.twiml = twiml;
  }

  public Transcript run(
      Flow flow, List<String> inputs, Map<String, String> attributes, Instant at) {
    long now = at.toEpochMilli();
    FlowEngine engine = new FlowEngine(flow, attributes);
    List<Turn> turns = new ArrayList<>();
    VoiceInstruction instruction = engine.start(now);
    turns.add(new Turn("/webhooks/voice", Map.of(), twiml.render(instruction)));
    int next = 0;
    while (turns.size() < MAX_TURNS && !hangsUp(instruction)) {
      VoiceInstruction.Verb waiting = instruction.verbs().get(instruction.verbs().size() - 1);
      Map<String, String> params = new LinkedHashMap<>();
      String action;
      if (waiting instanceof VoiceInstruction.Gather gather) {
        action = gather.action();
        heard(next < inputs.size() ? inputs.get(next++) : "", params);
      } else if (waiting instanceof VoiceInstruction.Redirect redirect) {
        action = redirect.url(); // after a Record, which the dry-run caller always fills
        params.put("RecordingSid", "RE00000000000000000000000000dryrun");
        params.put("RecordingUrl", "https://api.twilio.com/dry-run/recording");
      } else if (waiting instanceof VoiceInstruction.Dial dial) {
        action = dial.action();
        params.put("DialCallStatus", "completed");
      } else if (waiting instanceof VoiceInstruction.Conference conference) {
        action = conference.action();
        params.put("DialCallStatus", "completed");
      } else if (waiting instanceof VoiceInstruction.Enqueue enqueue) {
        // No agent is reserved in a dry run; as in the simulator, one takes the caller from the
        // queue.
        action = enqueue.action();
        params.put("QueueResult", "bridged");
      } else {
        break; // A prompt without a Gather ends the document: Twilio hangs up.
      }
      String step = action.substring(action.lastIndexOf('/') + 1);
      instruction = engine.resume(step, params, now);
      turns.add(new Turn("/webhooks/voice/" + step, params, twiml.render(instruction)));
    }
    return new Transcript(
        flow.name(), flow.version(), turns, hangsUp(instruction), engine.variables());
  }

  private static void heard(String input, Map<String, String> params) {
    if (input.startsWith("speech:")) {
      params.put("SpeechResult", input.substring("speech:".length()).trim());
    } else {
      params.put("Digits", input);
    }
  }

  private static boolean hangsUp(VoiceInstruction instruction) {
    return instruction.verbs().stream().anyMatch(VoiceInstruction.Hangup.class::isInstance);
  }
}

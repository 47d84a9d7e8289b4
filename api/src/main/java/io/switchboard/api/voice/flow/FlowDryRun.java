package io.switchboard.api.voice.flow;

import io.switchboard.api.voice.TwimlRenderer;
import io.switchboard.api.voice.flow.FlowViews.Transcript;
import io.switchboard.api.voice.flow.FlowViews.Turn;
import io.switchboard.voice.VoiceInstruction;
import io.switchboard.voice.flow.Flow;
import io.switchboard.voice.flow.FlowEngine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
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
    Iterator<String> script = inputs.iterator();
    while (turns.size() < MAX_TURNS && !hangsUp(instruction)) {
      VoiceInstruction.Verb waiting = instruction.verbs().get(instruction.verbs().size() - 1);
      Map<String, String> params = new LinkedHashMap<>();
      String action;
      if (waiting instanceof VoiceInstruction.Gather gather) {
        action = gather.action();
        heard(script.hasNext() ? script.next() : "", params);
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
        // queue, unless the caller takes the callback offered while they wait.
        action = enqueue.action();
        params.put("QueueResult", holdOnce(flow, engine, enqueue, script, turns, now));
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

  /**
   * A route node that offers a callback plays one wait turn, where the caller's next input answers
   * the offer: its digit makes the caller leave the queue to be called back. Without an offer the
   * caller is bridged at once, as before.
   */
  private String holdOnce(
      Flow flow,
      FlowEngine engine,
      VoiceInstruction.Enqueue enqueue,
      Iterator<String> script,
      List<Turn> turns,
      long now) {
    String node = enqueue.action().substring(enqueue.action().lastIndexOf('/') + 1);
    if (flow.node(node) == null || flow.node(node).callback() == null) {
      return "bridged";
    }
    String waitStep = enqueue.waitUrl().substring(enqueue.waitUrl().lastIndexOf('/') + 1);
    Map<String, String> position = new LinkedHashMap<>(Map.of("QueuePosition", "1"));
    VoiceInstruction hold = engine.resume(waitStep, position, now);
    turns.add(new Turn("/webhooks/voice/" + waitStep, position, twiml.render(hold)));
    VoiceInstruction.Gather offer =
        hold.verbs().stream()
            .filter(VoiceInstruction.Gather.class::isInstance)
            .map(VoiceInstruction.Gather.class::cast)
            .findFirst()
            .orElse(null);
    if (offer == null || !script.hasNext()) {
      return "bridged";
    }
    Map<String, String> pressed = new LinkedHashMap<>();
    heard(script.next(), pressed);
    VoiceInstruction answer = engine.resume(offer.action(), pressed, now);
    turns.add(new Turn("/webhooks/voice/" + offer.action(), pressed, twiml.render(answer)));
    return answer.verbs().stream().anyMatch(VoiceInstruction.Leave.class::isInstance)
        ? "leave"
        : "bridged";
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

package io.switchboard.voice.flow;

import io.switchboard.voice.VoiceInstruction;
import io.switchboard.voice.VoiceInstruction.Verb;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Walks one call through a flow: each turn runs nodes until one must wait for Twilio (a gather,
 * menu, voicemail or dial), and answers the TwiML for that turn. Plain deterministic Java: the time
 * is passed in (workflow time in the session, any time in a dry run), maps are sorted, nothing is
 * read from outside. The same engine runs calls and dry runs.
 *
 * <p>Action URLs are relative, so that Twilio resolves them against the URL it is on, whatever
 * public URL or path prefix fronts us: the answer to {@code /webhooks/voice} points at {@code
 * voice/{node}}, the answer to {@code /webhooks/voice/{step}} at {@code {node}}.
 */
public final class FlowEngine {

  static final String TROUBLE = "We are sorry, something went wrong with this call. Goodbye.";
  static final String GOODBYE = "Goodbye.";

  /** How long a decide node waits for its routing service when the flow does not say. */
  static final int DECISION_TIMEOUT_MILLIS = 1000;

  /** A valid flow waits for input within this many nodes; more means something is wrong. */
  private static final int MAX_NODES_PER_TURN = 100;

  /** Caller attributes a branch may route on; the numbers themselves are left out. */
  private static final List<String> ATTRIBUTES =
      List.of(
          "FromCountry",
          "FromState",
          "FromCity",
          "FromZip",
          "ToCountry",
          "ToState",
          "ToCity",
          "ToZip",
          "CallerCountry",
          "CallerState");

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Za-z0-9_.-]+)}}");

  private final Flow flow;
  private final FlowServices services;
  private final String callSid;
  private final AgentRouting routing;
  private final SortedMap<String, String> attributes = new TreeMap<>();
  private final SortedMap<String, String> variables = new TreeMap<>();
  private String waitingAt;
  private int attempts;
  private boolean ended;

  public FlowEngine(Flow flow, Map<String, String> callParameters) {
    this(flow, callParameters, FlowServices.OFFLINE);
  }

  public FlowEngine(Flow flow, Map<String, String> callParameters, FlowServices services) {
    this.flow = flow;
    this.services = services;
    this.callSid = callParameters == null ? null : callParameters.get("CallSid");
    this.routing = new AgentRouting(services, callSid);
    for (String name : ATTRIBUTES) {
      String value = callParameters == null ? null : callParameters.get(name);
      if (value != null && !value.isBlank()) {
        attributes.put(name, value);
      }
    }
  }

  /** Goes on from a snapshot taken by an earlier run of the session. */
  public FlowEngine(Flow flow, FlowSnapshot snapshot, FlowServices services) {
    this.flow = flow;
    this.services = services;
    this.callSid = snapshot.callSid();
    this.routing = new AgentRouting(services, callSid);
    attributes.putAll(snapshot.attributes());
    variables.putAll(snapshot.variables());
    waitingAt = snapshot.waitingAt();
    attempts = snapshot.attempts();
    ended = snapshot.ended();
    routing.restore(
        snapshot.reserved(),
        snapshot.escalated(),
        snapshot.enqueuedAtMillis(),
        snapshot.callback());
  }

  /** Everything the engine knows about the call, for the next run after continue-as-new. */
  public FlowSnapshot snapshot() {
    return new FlowSnapshot(
        callSid,
        attributes,
        variables,
        waitingAt,
        attempts,
        ended,
        routing.reserved(),
        routing.escalated(),
        routing.enqueuedAtMillis(),
        routing.callback());
  }

  /** The first turn: the call has reached our number. */
  public VoiceInstruction start(long nowMillis) {
    return walk(flow.start(), new ArrayList<>(), "voice/", nowMillis);
  }

  /** A later turn: Twilio requests the action of the node named {@code step}. */
  public VoiceInstruction resume(String step, Map<String, String> parameters, long nowMillis) {
    String suffix = suffix(step);
    boolean queueWait = suffix != null;
    String id = queueWait ? step.substring(0, step.length() - suffix.length()) : step;
    FlowNode node = id == null ? null : flow.node(id);
    if (ended || node == null || !node.type().waits()) {
      return end(new ArrayList<>(List.of(new VoiceInstruction.Say(TROUBLE))));
    }
    if (!id.equals(waitingAt)) {
      attempts = 0; // An action from another node than expected starts that node afresh.
    }
    Map<String, String> params = parameters == null ? Map.of() : parameters;
    List<Verb> verbs = new ArrayList<>();
    if (queueWait) {
      if (node.type() != NodeType.ROUTE) {
        return end(new ArrayList<>(List.of(new VoiceInstruction.Say(TROUBLE))));
      }
      return new VoiceInstruction(
          suffix.equals(AgentRouting.WAIT)
              ? routing.waitTurn(node, params, nowMillis)
              : routing.callbackTurn(node, params, nowMillis));
    }
    return switch (node.type()) {
      case GATHER, MENU -> input(node, params, verbs, nowMillis);
      case VOICEMAIL -> {
        putIfPresent("recordingSid", params.get("RecordingSid"));
        putIfPresent("recordingUrl", params.get("RecordingUrl"));
        yield proceed(node.next(), verbs, nowMillis);
      }
      case DIAL, CONFERENCE -> {
        putIfPresent("dialStatus", params.get("DialCallStatus"));
        yield proceed(node.next(), verbs, nowMillis);
      }
      case ROUTE -> {
        if (routing.leftForCallback(node, params)) {
          putIfPresent("queueResult", params.get("QueueResult"));
          variables.put("callback", "requested");
          verbs.add(say(node.callback().confirmPrompt()));
          yield end(verbs);
        }
        List<Verb> again = routing.after(node, params, variables, nowMillis);
        yield again != null
            ? new VoiceInstruction(again)
            : proceed(routing.target(node), verbs, nowMillis);
      }
      case CONSENT -> consent(node, params, verbs, nowMillis);
      default -> end(new ArrayList<>(List.of(new VoiceInstruction.Say(TROUBLE))));
    };
  }

  /**
   * The callback the caller asked for at a route node, or null. The call ends after the request;
   * the session keeps the caller's place and calls them back.
   */
  public QueuedCallback callback() {
    return routing.callback();
  }

  /** The queue turn a step names ({@code .wait} or {@code .callback}), or null for an action. */
  private static String suffix(String step) {
    if (step == null) {
      return null;
    }
    if (step.endsWith(AgentRouting.WAIT)) {
      return AgentRouting.WAIT;
    }
    return step.endsWith(AgentRouting.CALLBACK) ? AgentRouting.CALLBACK : null;
  }

  /** Variables set so far (gathered input, recordings, set nodes), sorted. */
  public SortedMap<String, String> variables() {
    return new TreeMap<>(variables);
  }

  /** The node whose action the engine waits for, or null. */
  public String waitingAt() {
    return waitingAt;
  }

  public Flow flow() {
    return flow;
  }

  private VoiceInstruction input(
      FlowNode node, Map<String, String> params, List<Verb> verbs, long nowMillis) {
    String heard = FlowRoutes.heard(params);
    if (heard != null) {
      if (node.type() == NodeType.GATHER) {
        attempts = 0;
        putIfPresent(node.variable() == null ? node.id() : node.variable(), heard);
        return proceed(node.next(), verbs, nowMillis);
      }
      String route = FlowRoutes.route(node.routes(), heard);
      if (route != null) {
        attempts = 0;
        variables.put(node.id(), heard);
        return proceed(route, verbs, nowMillis);
      }
      if (node.invalid() != null) {
        verbs.add(say(node.invalid()));
      }
    }
    attempts++;
    int retries = node.retries() == null ? FlowNode.DEFAULT_RETRIES : node.retries();
    if (attempts > retries) {
      attempts = 0;
      return proceed(node.noInput(), verbs, nowMillis);
    }
    return waitFor(node, verbs, "", nowMillis);
  }

  /** Pressing 1 is consent; anything else, silence included, is a refusal (and is kept too). */
  private VoiceInstruction consent(
      FlowNode node, Map<String, String> params, List<Verb> verbs, long nowMillis) {
    boolean granted = "1".equals(FlowRoutes.heard(params));
    services.recordConsent(new ConsentRecord(callSid, granted));
    variables.put("recordingConsent", String.valueOf(granted));
    String target = granted || node.noInput() == null ? node.next() : node.noInput();
    return proceed(target, verbs, nowMillis);
  }

  /** Continues at {@code id}; without one, says goodbye and hangs up. */
  private VoiceInstruction proceed(String id, List<Verb> verbs, long nowMillis) {
    if (id == null) {
      verbs.add(say(GOODBYE));
      return end(verbs);
    }
    return walk(id, verbs, "", nowMillis);
  }

  private VoiceInstruction walk(String id, List<Verb> verbs, String base, long nowMillis) {
    String current = id;
    for (int visited = 0; visited < MAX_NODES_PER_TURN && current != null; visited++) {
      FlowNode node = flow.node(current);
      if (node == null) {
        break;
      }
      if (node.type().waits()) {
        attempts = 0;
        return waitFor(node, verbs, base, nowMillis);
      }
      switch (node.type()) {
        case SAY -> verbs.add(say(node.say()));
        case PLAY -> verbs.add(new VoiceInstruction.Play(node.play()));
        case SET -> new TreeMap<>(node.set()).forEach((k, v) -> variables.put(k, fill(v)));
        case HANGUP -> {
          if (node.say() != null) {
            verbs.add(say(node.say()));
          }
          return end(verbs);
        }
        default -> {}
      }
      current = next(node, nowMillis);
      if (current == null) {
        if (node.type() != NodeType.SAY && node.type() != NodeType.PLAY) {
          verbs.add(say(GOODBYE));
        }
        return end(verbs); // Nowhere to go is the end of the call.
      }
    }
    // A validated flow never gets here: an unknown node or a loop without input.
    verbs.add(new VoiceInstruction.Say(TROUBLE));
    return end(verbs);
  }

  private String next(FlowNode node, long nowMillis) {
    return switch (node.type()) {
      case BRANCH -> {
        String target = FlowRoutes.route(node.cases(), lookup(node.attribute()));
        yield target != null ? target : node.next();
      }
      case HOURS ->
          BusinessHours.isOpen(node, Instant.ofEpochMilli(nowMillis)) ? node.open() : node.closed();
      case DECIDE -> decide(node);
      default -> node.next();
    };
  }

  /** The routing service's answer picks a route; no usable answer takes the fallback. */
  private String decide(FlowNode node) {
    int timeout = node.timeout() == null ? DECISION_TIMEOUT_MILLIS : node.timeout();
    String answer =
        services.decide(
            new DecisionRequest(node.url(), timeout, callSid, node.id(), attributes, variables));
    String target = FlowRoutes.route(node.routes(), answer);
    variables.put(node.id(), target == null ? "fallback" : answer);
    return target == null ? node.fallback() : target;
  }

  private VoiceInstruction waitFor(FlowNode node, List<Verb> verbs, String base, long nowMillis) {
    waitingAt = node.id();
    String action = base + node.id();
    switch (node.type()) {
      case ROUTE -> verbs.addAll(routing.offer(node, base, variables, nowMillis));
      case CONFERENCE -> {
        if (node.say() != null) {
          verbs.add(say(node.say()));
        }
        verbs.add(new VoiceInstruction.Conference(fill(node.room()), action));
      }
      case GATHER, MENU, CONSENT -> {
        List<Verb> prompts = new ArrayList<>();
        if (node.say() != null) {
          prompts.add(say(node.say()));
        }
        if (node.play() != null) {
          prompts.add(new VoiceInstruction.Play(node.play()));
        }
        String input = node.input() == null ? "dtmf" : node.input();
        Integer digits = node.type() == NodeType.CONSENT ? Integer.valueOf(1) : node.numDigits();
        verbs.add(
            new VoiceInstruction.Gather(action, input, digits, node.timeout(), true, prompts));
      }
      case VOICEMAIL -> {
        verbs.add(say(node.say()));
        // The finished recording goes to /webhooks/recording and so to the recording pipeline.
        String callback = base.isEmpty() ? "../recording" : "recording";
        verbs.add(new VoiceInstruction.Record(action, node.maxLength(), callback));
        // An empty recording requests no action: Twilio runs the next verb instead.
        verbs.add(new VoiceInstruction.Redirect(action));
      }
      case DIAL -> {
        if (node.say() != null) {
          verbs.add(say(node.say()));
        }
        verbs.add(new VoiceInstruction.Dial(node.number(), action, node.timeout()));
      }
      default -> throw new IllegalStateException("node " + node.id() + " does not wait");
    }
    return new VoiceInstruction(verbs);
  }

  private VoiceInstruction end(List<Verb> verbs) {
    ended = true;
    waitingAt = null;
    verbs.add(new VoiceInstruction.Hangup());
    return new VoiceInstruction(verbs);
  }

  private String lookup(String name) {
    return variables.containsKey(name) ? variables.get(name) : attributes.get(name);
  }

  private void putIfPresent(String name, String value) {
    if (value != null && !value.isBlank()) {
      variables.put(name, value);
    }
  }

  private VoiceInstruction.Say say(String text) {
    return new VoiceInstruction.Say(fill(text));
  }

  /** Replaces {@code {{name}}} with a variable or caller attribute, or nothing. */
  private String fill(String text) {
    Matcher matcher = PLACEHOLDER.matcher(text);
    StringBuilder filled = new StringBuilder();
    while (matcher.find()) {
      String value = lookup(matcher.group(1));
      matcher.appendReplacement(filled, Matcher.quoteReplacement(value == null ? "" : value));
    }
    matcher.appendTail(filled);
    return filled.toString();
  }
}

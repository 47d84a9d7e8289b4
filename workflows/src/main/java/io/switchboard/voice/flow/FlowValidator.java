package io.switchboard.voice.flow;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a flow before it is published, so that a call never meets a broken one: every node has
 * what its type needs, every transition names a node, every node is reachable from the start, and
 * no loop runs without waiting for the caller (it would answer Twilio with endless TwiML).
 */
public final class FlowValidator {

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  private static final Pattern HTTP = Pattern.compile("https?://[^\\s]+");
  private static final Pattern TARGET =
      Pattern.compile("\\+?[0-9]{3,15}|sip:[^\\s@]+@[^\\s]+|client:[A-Za-z0-9_.-]{1,121}");

  /**
   * A routing service must answer well within the 2 s in which the api answers Twilio's webhook;
   * the rest of the turn needs the remainder.
   */
  static final int MAX_DECISION_MILLIS = 1500;

  private FlowValidator() {}

  /** Every problem found, in a readable order; empty when the flow is valid. */
  public static List<String> validate(Flow flow) {
    List<String> problems = new ArrayList<>();
    Map<String, FlowNode> nodes = new LinkedHashMap<>();
    for (FlowNode node : flow.nodes()) {
      if (node.id() == null || !ID.matcher(node.id()).matches()) {
        problems.add("node id '" + node.id() + "' must be 1-64 letters, digits, - or _");
      } else if (nodes.putIfAbsent(node.id(), node) != null) {
        problems.add("node '" + node.id() + "' is defined twice");
      }
    }
    if (nodes.isEmpty()) {
      problems.add("the flow has no nodes");
      return problems;
    }
    if (flow.start() == null || !nodes.containsKey(flow.start())) {
      problems.add("start '" + flow.start() + "' is an unknown node");
    }
    for (FlowNode node : nodes.values()) {
      problems.addAll(fields(node));
      for (String target : node.targets()) {
        if (!nodes.containsKey(target)) {
          problems.add("node '" + node.id() + "' goes to unknown node '" + target + "'");
        }
      }
    }
    if (nodes.containsKey(flow.start())) {
      Set<String> reached = reachable(flow.start(), nodes);
      for (String id : nodes.keySet()) {
        if (!reached.contains(id)) {
          problems.add("node '" + id + "' is unreachable from start '" + flow.start() + "'");
        }
      }
    }
    loopWithoutInput(nodes).ifPresent(problems::add);
    return problems;
  }

  private static List<String> fields(FlowNode node) {
    List<String> problems = new ArrayList<>();
    String id = node.id();
    if (node.type() == null) {
      problems.add("node '" + id + "' has no type");
      return problems;
    }
    if (node.callback() != null && node.type() != NodeType.ROUTE) {
      problems.add("node '" + id + "' has a 'callback', which only a route node can offer");
    }
    if (node.priority() != null && node.type() != NodeType.ROUTE) {
      problems.add("node '" + id + "' has a 'priority', which only a route node's callers have");
    }
    switch (node.type()) {
      case SAY, VOICEMAIL, CONSENT -> require(problems, id, "a prompt ('say')", blank(node.say()));
      case PLAY -> require(problems, id, "an audio URL ('play')", blank(node.play()));
      case GATHER -> {
        require(
            problems, id, "a prompt ('say' or 'play')", blank(node.say()) && blank(node.play()));
        require(
            problems, id, "a 'variable' or a 'next'", blank(node.variable()) && blank(node.next()));
      }
      case MENU -> {
        require(
            problems, id, "a prompt ('say' or 'play')", blank(node.say()) && blank(node.play()));
        require(problems, id, "'routes'", node.routes() == null || node.routes().isEmpty());
      }
      case BRANCH -> {
        require(problems, id, "an 'attribute'", blank(node.attribute()));
        require(problems, id, "'cases'", node.cases() == null || node.cases().isEmpty());
      }
      case HOURS -> {
        require(problems, id, "a 'timeZone'", blank(node.timeZone()));
        require(problems, id, "a 'weekly' schedule", node.weekly() == null);
        require(problems, id, "'open' and 'closed'", blank(node.open()) || blank(node.closed()));
        if (!blank(node.timeZone()) && node.weekly() != null) {
          problems.addAll(BusinessHours.problems(id, node));
        }
      }
      case SET -> require(problems, id, "variables ('set')", node.set() == null);
      case DIAL -> {
        require(problems, id, "a 'number'", blank(node.number()));
        require(problems, id, "a number, 'sip:' or 'client:' target", !dialable(node.number()));
      }
      case DECIDE -> {
        require(
            problems,
            id,
            "an http(s) 'url'",
            blank(node.url()) || !HTTP.matcher(node.url()).matches());
        require(problems, id, "'routes'", node.routes() == null || node.routes().isEmpty());
        require(problems, id, "a 'fallback'", blank(node.fallback()));
        require(
            problems,
            id,
            "a 'timeout' of 1-" + MAX_DECISION_MILLIS + " ms (Twilio waits for the turn)",
            node.timeout() != null && (node.timeout() < 1 || node.timeout() > MAX_DECISION_MILLIS));
      }
      case ROUTE -> {
        require(problems, id, "'skills' (a list, may be empty)", node.skills() == null);
        require(
            problems,
            id,
            "an 'escalate' target with 'escalateAfter'",
            node.escalateAfter() != null && blank(node.escalate()));
        if (node.callback() != null) {
          problems.addAll(CallbackOption.problems(id, node.callback()));
        }
        require(
            problems,
            id,
            "a 'priority' of 0-100",
            node.priority() != null && (node.priority() < 0 || node.priority() > 100));
      }
      case CONFERENCE -> require(problems, id, "a 'room'", blank(node.room()));
      case HANGUP -> {}
    }
    return problems;
  }

  private static void require(List<String> problems, String id, String what, boolean missing) {
    if (missing) {
      problems.add("node '" + id + "' needs " + what);
    }
  }

  private static boolean dialable(String target) {
    return target == null || target.isBlank() || TARGET.matcher(target).matches();
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  private static Set<String> reachable(String start, Map<String, FlowNode> nodes) {
    Set<String> seen = new HashSet<>();
    Deque<String> work = new ArrayDeque<>(List.of(start));
    while (!work.isEmpty()) {
      String id = work.pop();
      FlowNode node = nodes.get(id);
      if (node != null && seen.add(id)) {
        work.addAll(node.targets());
      }
    }
    return seen;
  }

  /** A cycle through nodes that never wait for the caller, as {@code a -> b -> a}. */
  private static java.util.Optional<String> loopWithoutInput(Map<String, FlowNode> nodes) {
    Set<String> done = new HashSet<>();
    for (String id : nodes.keySet()) {
      List<String> path = new ArrayList<>();
      String loop = visit(id, nodes, path, done);
      if (loop != null) {
        return java.util.Optional.of("nodes " + loop + " loop without waiting for caller input");
      }
    }
    return java.util.Optional.empty();
  }

  private static String visit(
      String id, Map<String, FlowNode> nodes, List<String> path, Set<String> done) {
    FlowNode node = nodes.get(id);
    if (node == null || node.type() == null || node.type().waits() || done.contains(id)) {
      return null;
    }
    int at = path.indexOf(id);
    if (at >= 0) {
      List<String> cycle = new ArrayList<>(path.subList(at, path.size()));
      cycle.add(id);
      return String.join(" -> ", cycle);
    }
    path.add(id);
    for (String target : node.targets()) {
      String loop = visit(target, nodes, path, done);
      if (loop != null) {
        return loop;
      }
    }
    path.remove(path.size() - 1);
    done.add(id);
    return null;
  }
}

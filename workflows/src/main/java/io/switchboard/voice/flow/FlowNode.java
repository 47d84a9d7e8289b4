package io.switchboard.voice.flow;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * One node of a flow. A flat record rather than a type per node, so that a flow document stays a
 * plain JSON list that operators can write by hand; {@link FlowValidator} says which fields each
 * {@link NodeType} needs. Text may name variables as {@code {{name}}}.
 *
 * @param id unique in the flow; letters, digits, {@code -} and {@code _} (it becomes a URL segment)
 * @param type what the node does
 * @param say text spoken (say, the prompt of gather, menu and voicemail, hangup's goodbye)
 * @param play an audio URL (play, or the prompt of gather and menu)
 * @param next the node after this one (for menu: none; for branch: the default)
 * @param input gather and menu: {@code dtmf} (default), {@code speech} or {@code dtmf speech}
 * @param numDigits gather and menu: digits that end the input
 * @param timeout gather and menu: seconds of silence that count as no input; dial and route: ring
 *     time; decide: milliseconds to wait for the routing service
 * @param retries gather and menu: re-prompts after no or invalid input (default 2)
 * @param routes menu: input (digits or spoken words) to node id; decide: answer to node id
 * @param invalid menu: text said when the input matches no route
 * @param noInput gather and menu: where to go when the retries are used up, else hang up
 * @param variable gather: the variable the input is stored in
 * @param attribute branch: a variable or caller attribute (FromCountry, FromState, ...)
 * @param cases branch: attribute value (case-insensitive) to node id
 * @param timeZone hours: an IANA zone such as {@code Europe/Berlin}
 * @param weekly hours: day ({@code mon}..{@code sun}) to ranges such as {@code
 *     09:00-12:00,13:00-17:00}
 * @param holidays hours: ISO dates on which it is closed all day
 * @param open hours: where to go when open
 * @param closed hours: where to go when closed
 * @param set set: variables to set
 * @param number dial: whom to connect the caller to: E.164, {@code sip:…} or {@code client:…}
 * @param maxLength voicemail: the longest recording in seconds
 * @param url decide: the routing service's URL (HTTP POST of the call's attributes and variables)
 * @param fallback decide: where to go without a usable answer
 * @param skills route: the skills an agent needs, all of them
 * @param queue route: the queue's name while no agent is free (default: the node id)
 * @param escalateAfter route: seconds in the queue before the caller goes to {@code escalate}
 * @param escalate route: where a caller goes who waited too long (for example a route with fewer
 *     skills, or voicemail)
 * @param room conference: the conference's name
 * @param callback route: offer waiting callers a callback that keeps their place in the queue
 * @param priority route: the caller's priority in line for an agent (0-100, default 0): a free
 *     agent goes to the caller with the highest priority who could take them, then to the one who
 *     has waited longest
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FlowNode(
    String id,
    NodeType type,
    String say,
    String play,
    String next,
    String input,
    Integer numDigits,
    Integer timeout,
    Integer retries,
    Map<String, String> routes,
    String invalid,
    String noInput,
    String variable,
    String attribute,
    Map<String, String> cases,
    String timeZone,
    Map<String, String> weekly,
    List<String> holidays,
    String open,
    String closed,
    Map<String, String> set,
    String number,
    Integer maxLength,
    String url,
    String fallback,
    List<String> skills,
    String queue,
    Integer escalateAfter,
    String escalate,
    String room,
    CallbackOption callback,
    Integer priority) {

  /** Re-prompts when a gather or menu does not say. */
  public static final int DEFAULT_RETRIES = 2;

  /** Every node this one can lead to, in a stable order. */
  public List<String> targets() {
    List<String> targets = new java.util.ArrayList<>();
    addAll(targets, next, noInput, open, closed, fallback, escalate);
    if (routes != null) {
      new java.util.TreeMap<>(routes).values().forEach(targets::add);
    }
    if (cases != null) {
      new java.util.TreeMap<>(cases).values().forEach(targets::add);
    }
    return targets;
  }

  private static void addAll(List<String> targets, String... ids) {
    for (String id : ids) {
      if (id != null) {
        targets.add(id);
      }
    }
  }
}

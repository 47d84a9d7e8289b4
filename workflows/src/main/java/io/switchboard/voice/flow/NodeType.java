package io.switchboard.voice.flow;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a flow node does. Nodes that wait for Twilio to come back end a turn. */
public enum NodeType {
  /** Say text ({@code say}) and go on to {@code next}, or hang up without one. */
  @JsonProperty("say")
  SAY(false),
  /** Play audio ({@code play}) and go on to {@code next}, or hang up without one. */
  @JsonProperty("play")
  PLAY(false),
  /** Prompt, collect input into {@code variable}, go on to {@code next}. */
  @JsonProperty("gather")
  GATHER(true),
  /** Prompt, then route on the input ({@code routes}); invalid input and silence re-prompt. */
  @JsonProperty("menu")
  MENU(true),
  /** Route on a variable or caller attribute ({@code attribute}, {@code cases}, else next). */
  @JsonProperty("branch")
  BRANCH(false),
  /** Route on the time: {@code open} within the weekly schedule, else {@code closed}. */
  @JsonProperty("hours")
  HOURS(false),
  /** Prompt, record the caller, keep the recording in the session, go on to {@code next}. */
  @JsonProperty("voicemail")
  VOICEMAIL(true),
  /** Set variables ({@code set}) and go on to {@code next}. */
  @JsonProperty("set")
  SET(false),
  /** Connect the caller to {@code number}; afterwards go on to {@code next}, else hang up. */
  @JsonProperty("dial")
  DIAL(true),
  /** Optionally say something, then end the call. */
  @JsonProperty("hangup")
  HANGUP(false),
  /**
   * Ask an HTTP routing service ({@code url}) within {@code timeout} ms; its answer picks a route
   * ({@code routes}), anything else (no answer in time, an error, an unknown answer) {@code
   * fallback}.
   */
  @JsonProperty("decide")
  DECIDE(false),
  /**
   * Connect the caller to the best available agent with every {@code skills}; with none free, queue
   * the caller ({@code queue}, hold music {@code play}) until one is, or until {@code
   * escalateAfter} seconds send the caller to {@code escalate}. Afterwards go on to {@code next}.
   * With a {@code callback}, waiting callers are offered to hang up and be called back.
   */
  @JsonProperty("route")
  ROUTE(true),
  /** Put the caller into the conference {@code room}; afterwards go on to {@code next}. */
  @JsonProperty("conference")
  CONFERENCE(true),
  /**
   * Ask for recording consent ({@code say}); pressing 1 records it and goes on to {@code next},
   * anything else records a refusal and goes on to {@code noInput}, else {@code next}.
   */
  @JsonProperty("consent")
  CONSENT(true);

  private final boolean waits;

  NodeType(boolean waits) {
    this.waits = waits;
  }

  /** Whether the node ends a turn and continues when Twilio requests its action. */
  public boolean waits() {
    return waits;
  }
}

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
  HANGUP(false);

  private final boolean waits;

  NodeType(boolean waits) {
    this.waits = waits;
  }

  /** Whether the node ends a turn and continues when Twilio requests its action. */
  public boolean waits() {
    return waits;
  }
}

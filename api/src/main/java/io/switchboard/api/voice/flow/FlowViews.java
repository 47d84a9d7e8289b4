package io.switchboard.api.voice.flow;

import io.switchboard.voice.flow.Flow;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the flow API reads and returns. */
public final class FlowViews {

  private FlowViews() {}

  /**
   * A published version.
   *
   * @param name the flow
   * @param version its number, from 1
   * @param publishedAt when it was published
   */
  public record VersionView(String name, int version, Instant publishedAt) {
    static VersionView of(FlowStore.Version version) {
      return new VersionView(version.name(), version.version(), version.publishedAt());
    }
  }

  /**
   * A flow and its versions.
   *
   * @param name the flow
   * @param latestVersion the version new calls get
   * @param versions every version, oldest first
   * @param definition the requested version's document (the latest unless one is asked for)
   */
  public record FlowView(
      String name, int latestVersion, List<VersionView> versions, Flow definition) {}

  /**
   * Which flow answers a number.
   *
   * @param flow the flow's name
   */
  public record NumberFlow(String flow) {}

  /**
   * A number's mapping.
   *
   * @param number one of our numbers, or {@code default}
   * @param flow the flow's name
   */
  public record NumberFlowView(String number, String flow) {}

  /**
   * A dry run: what a caller would hear.
   *
   * @param inputs the caller's input for each gather, in order: digits, {@code speech:words}, or
   *     {@code ""} for silence; a voicemail records a message; a dial is answered
   * @param callerAttributes attributes of the first webhook a branch may route on, such as
   *     FromCountry
   * @param at the time of the call (business hours), else now
   * @param version the version to run, else the latest
   */
  public record SimulateRequest(
      List<String> inputs, Map<String, String> callerAttributes, Instant at, Integer version) {}

  /**
   * One TwiML turn of a dry run.
   *
   * @param request the webhook path Twilio would request
   * @param parameters the caller's input posted with it
   * @param twiml the TwiML answered
   */
  public record Turn(String request, Map<String, String> parameters, String twiml) {}

  /**
   * A dry run's transcript.
   *
   * @param name the flow
   * @param version the version run
   * @param turns every TwiML turn, in order
   * @param ended whether the flow ended the call (else it stopped after the turn limit)
   * @param variables what the flow collected
   */
  public record Transcript(
      String name, int version, List<Turn> turns, boolean ended, Map<String, String> variables) {}
}

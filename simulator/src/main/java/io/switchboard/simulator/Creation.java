package io.switchboard.simulator;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * When the simulated account created a resource, to the microsecond. Twilio's own {@code
 * date_created} has whole seconds, too coarse to check a sender's or an account's rate, so the
 * benchmark reads these instead.
 *
 * @param sid the resource
 * @param from its From
 * @param to its To
 * @param createdAt when the create request was taken
 */
public record Creation(String sid, String from, String to, Instant createdAt) {

  /** The creations matching the filters (null: any), oldest first. */
  public static List<Creation> select(Stream<Creation> all, String from, Instant since) {
    return all.filter(c -> from == null || from.equals(c.from()))
        .filter(c -> since == null || !c.createdAt().isBefore(since))
        .sorted(Comparator.comparing(Creation::createdAt))
        .toList();
  }
}

package io.switchboard.simulator.faults;

import io.switchboard.simulator.SimulatorState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The faults in force; each strike counts down a rule's {@code remaining}. */
@Component
public class FaultRegistry implements SimulatorState {

  private final List<FaultRule> rules = new ArrayList<>();

  public synchronized FaultRule add(FaultRule request) {
    if (request.type() == null) {
      throw new IllegalArgumentException("a fault needs a type");
    }
    FaultRule rule =
        new FaultRule(
            UUID.randomUUID().toString(),
            request.type(),
            request.number(),
            request.delayMillis(),
            request.httpStatus(),
            request.status(),
            request.errorCode(),
            request.answeredBy(),
            request.remaining());
    rules.add(rule);
    return rule;
  }

  public synchronized List<FaultRule> list() {
    return List.copyOf(rules);
  }

  public synchronized boolean remove(String id) {
    return rules.removeIf(rule -> rule.id().equals(id));
  }

  /** The first rule of this type for these numbers, counted as a strike. */
  public synchronized Optional<FaultRule> strike(FaultType type, Collection<String> numbers) {
    return strike(type, numbers, null);
  }

  /**
   * As {@link #strike(FaultType, Collection)}, for a callback of this status: a rule naming another
   * status does not strike.
   */
  public synchronized Optional<FaultRule> strike(
      FaultType type, Collection<String> numbers, String callbackStatus) {
    for (int i = 0; i < rules.size(); i++) {
      FaultRule rule = rules.get(i);
      boolean statusMatches =
          rule.status() == null || callbackStatus == null || rule.status().equals(callbackStatus);
      if (rule.matches(type, numbers) && statusMatches) {
        FaultRule struck = rule.struck();
        if (struck.exhausted()) {
          rules.remove(i);
        } else {
          rules.set(i, struck);
        }
        return Optional.of(rule);
      }
    }
    return Optional.empty();
  }

  @Override
  public synchronized void reset() {
    rules.clear();
  }
}

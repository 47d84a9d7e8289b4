package io.switchboard.messaging;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Each sender's throughput in SMS segments per second, as Twilio queues them: a US long code sends
 * one segment a second; toll-free and short-code rates depend on the account's registration, so
 * they are configured.
 *
 * @param longCode segments per second of a long code (10-digit number)
 * @param tollFree segments per second of a toll-free number
 * @param shortCode segments per second of a short code
 * @param headroom how much slower than its rate a sender's grants are spaced (0.04: 4% slower), so
 *     that a create that reaches Twilio a little late (the HTTP request's own latency, a
 *     descheduled thread) never puts one more message than the rate into any second at Twilio; 0
 *     spaces grants at exactly the rate
 * @param senders a rate per sender (E.164 or short code) that overrides its kind's rate
 */
@Validated
@ConfigurationProperties("switchboard.messaging.throughput")
public record SenderThroughput(
    @DefaultValue("1") double longCode,
    @DefaultValue("3") double tollFree,
    @DefaultValue("100") double shortCode,
    @DefaultValue("0.04") double headroom,
    Map<String, Double> senders) {

  public SenderThroughput {
    senders = senders == null ? Map.of() : Map.copyOf(senders);
    for (double rate : new double[] {longCode, tollFree, shortCode}) {
      if (!(rate > 0)) {
        throw new IllegalArgumentException("sender throughputs must be positive");
      }
    }
    if (!(headroom >= 0 && headroom <= 0.5)) {
      throw new IllegalArgumentException("the throughput headroom must be between 0 and 0.5");
    }
    if (senders.values().stream().anyMatch(rate -> rate == null || !(rate > 0))) {
      throw new IllegalArgumentException("sender throughputs must be positive");
    }
  }

  /** Segments per second of a sender, given as a bare number (no channel prefix). */
  public double rateOf(String sender) {
    Double configured = senders.get(sender);
    if (configured != null) {
      return configured;
    }
    return switch (SenderKind.of(sender)) {
      case SHORT_CODE -> shortCode;
      case TOLL_FREE -> tollFree;
      case LONG_CODE -> longCode;
    };
  }
}

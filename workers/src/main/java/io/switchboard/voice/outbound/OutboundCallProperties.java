package io.switchboard.voice.outbound;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Outbound call settings of the workers.
 *
 * @param callsPerSecond the Twilio account's calls-per-second limit (CPS), shared by every worker
 *     through the rate gate; Twilio's default for an account is 1
 * @param headroom how much slower than the CPS turns are spaced (0.04: 4% slower), so that a create
 *     that reaches Twilio a little late never puts one more call than the CPS into any second at
 *     Twilio; 0 spaces turns at exactly the CPS
 */
@ConfigurationProperties("switchboard.outbound-calls")
@Validated
public record OutboundCallProperties(
    @DefaultValue("1") @Positive double callsPerSecond,
    @DefaultValue("0.04") @DecimalMin("0") @DecimalMax("0.5") double headroom) {

  /** The gate's spacing between two calls' turns. */
  public Duration turnCost() {
    return Duration.ofNanos(Math.round(1_000_000_000d * (1 + headroom) / callsPerSecond));
  }
}

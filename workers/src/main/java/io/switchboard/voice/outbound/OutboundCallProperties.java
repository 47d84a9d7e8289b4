package io.switchboard.voice.outbound;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Outbound call settings of the workers.
 *
 * @param callsPerSecond the Twilio account's calls-per-second limit (CPS), shared by every worker
 *     through the rate gate; Twilio's default for an account is 1
 */
@ConfigurationProperties("switchboard.outbound-calls")
@Validated
public record OutboundCallProperties(@DefaultValue("1") @Positive double callsPerSecond) {}

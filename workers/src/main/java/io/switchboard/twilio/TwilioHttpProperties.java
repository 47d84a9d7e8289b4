package io.switchboard.twilio;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a Twilio REST request may take. The read timeout must stay well under the send
 * activity's start-to-close timeout (30 s), so that a lost answer fails the attempt here, where the
 * next attempt reconciles, rather than by Temporal abandoning it.
 *
 * @param connectTimeout to open a connection
 * @param readTimeout to wait for an answer
 * @param maxConnections open connections to Twilio, per worker process
 */
@ConfigurationProperties("switchboard.twilio.http")
public record TwilioHttpProperties(
    @DefaultValue("5s") Duration connectTimeout,
    @DefaultValue("10s") Duration readTimeout,
    @DefaultValue("50") int maxConnections) {}

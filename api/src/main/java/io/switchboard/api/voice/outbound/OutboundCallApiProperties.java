package io.switchboard.api.voice.outbound;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Outbound call settings of the api, which puts them into each workflow's input so that workflow
 * code reads no configuration (the workers' own settings, the CPS, are under the same prefix).
 *
 * @param statusCheckAfter how long a call waits for a final status callback before it asks Twilio,
 *     and then between asks while it lasts: Twilio does not redeliver a status callback that we
 *     refused (503 while PostgreSQL is down) or never answered
 */
@ConfigurationProperties("switchboard.outbound-calls")
public record OutboundCallApiProperties(@DefaultValue("5m") Duration statusCheckAfter) {}

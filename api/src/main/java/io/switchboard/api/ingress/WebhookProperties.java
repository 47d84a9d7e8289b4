package io.switchboard.api.ingress;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Protection of {@code /webhooks/**}.
 *
 * @param allowedCidrs when not empty, only these source addresses may post webhooks (Twilio
 *     publishes no fixed ranges, so this is for deployments behind a gateway that has them)
 * @param trustedProxies proxies whose {@code X-Forwarded-*} headers are believed when no public URL
 *     is configured
 * @param callsPerNumberPerMinute new calls one caller may place per minute before {@code Reject}
 * @param messagesPerNumberPerMinute inbound messages one sender may send per minute before they are
 *     recorded and not processed
 */
@ConfigurationProperties("switchboard.webhooks")
public record WebhookProperties(
    @DefaultValue List<String> allowedCidrs,
    @DefaultValue List<String> trustedProxies,
    @DefaultValue("10") int callsPerNumberPerMinute,
    @DefaultValue("30") int messagesPerNumberPerMinute) {}

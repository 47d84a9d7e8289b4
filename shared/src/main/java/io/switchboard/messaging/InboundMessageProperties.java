package io.switchboard.messaging;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Inbound messages ({@code switchboard.messaging.inbound}): where they are forwarded, and what
 * becomes of Twilio's copy of their media.
 *
 * @param forwardUrl {@code SWITCHBOARD_INBOUND_MESSAGE_URL}: the integration endpoint each inbound
 *     message is posted to; none when unset
 * @param forwardSecret {@code SWITCHBOARD_INBOUND_MESSAGE_SECRET}: the HMAC-SHA256 secret that
 *     signs it
 * @param deleteMediaAtTwilio whether Twilio's copy of a medium is deleted once ours is stored
 */
@Validated
@ConfigurationProperties("switchboard.messaging.inbound")
public record InboundMessageProperties(
    URI forwardUrl, String forwardSecret, @DefaultValue("true") boolean deleteMediaAtTwilio) {

  /** Whether an integration endpoint is configured. */
  public boolean forwarding() {
    return forwardUrl != null && !forwardUrl.toString().isBlank();
  }
}

package io.switchboard.messaging;

import java.net.URI;
import java.time.Duration;
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
 * @param mediaRetention how long our stored copy of a medium is kept, from when the message
 *     arrived; the workers erase older ones (as {@code DELETE /api/messages/{id}/media} would, the
 *     audit naming {@code retention}). Unset keeps media until erased on request
 * @param mediaRetentionSweep how often the workers look for media (and bodies) past their retention
 *     period
 * @param bodyRetention how long the text of an inbound message is kept, from when it arrived; the
 *     workers then clear it (the message stays, with {@code bodyErasedAt}). Unset keeps bodies
 */
@Validated
@ConfigurationProperties("switchboard.messaging.inbound")
public record InboundMessageProperties(
    URI forwardUrl,
    String forwardSecret,
    @DefaultValue("true") boolean deleteMediaAtTwilio,
    Duration mediaRetention,
    @DefaultValue("PT1M") Duration mediaRetentionSweep,
    Duration bodyRetention) {

  /** Whether an integration endpoint is configured. */
  public boolean forwarding() {
    return forwardUrl != null && !forwardUrl.toString().isBlank();
  }
}

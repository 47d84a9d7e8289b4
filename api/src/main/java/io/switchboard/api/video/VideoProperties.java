package io.switchboard.api.video;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Video access tokens are signed with a Twilio API key (an SK… SID and its secret), not the auth
 * token. In simulator mode, without one, a key is made up at start: the simulator never checks it.
 *
 * @param apiKeySid the API key's SID ({@code TWILIO_API_KEY_SID})
 * @param apiKeySecret its secret ({@code TWILIO_API_KEY_SECRET}); from the environment only
 * @param tokenTtl how long a participant token is valid, at most 24 h
 */
@ConfigurationProperties("switchboard.video")
public record VideoProperties(
    String apiKeySid, String apiKeySecret, @DefaultValue("1h") Duration tokenTtl) {}

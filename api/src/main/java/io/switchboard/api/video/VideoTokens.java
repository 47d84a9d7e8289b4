package io.switchboard.api.video;

import com.twilio.jwt.accesstoken.AccessToken;
import com.twilio.jwt.accesstoken.VideoGrant;
import io.switchboard.config.SwitchboardProperties;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import org.springframework.stereotype.Component;

/** Participant access tokens: twilio-java's {@link AccessToken} with a {@link VideoGrant}. */
@Component
public class VideoTokens {

  private static final Duration MAX_TTL = Duration.ofHours(24);

  private final String accountSid;
  private final String keySid;
  private final String keySecret;
  private final Duration ttl;

  VideoTokens(SwitchboardProperties switchboard, VideoProperties video) {
    this.accountSid = switchboard.twilio().accountSid();
    boolean simulator =
        switchboard.twilio().effectiveMode() == SwitchboardProperties.TwilioMode.SIMULATOR;
    if (video.apiKeySid() == null || video.apiKeySid().isBlank()) {
      this.keySid = simulator ? "SK" + random(16) : null;
      this.keySecret = simulator ? random(32) : null;
    } else {
      this.keySid = video.apiKeySid();
      this.keySecret = video.apiKeySecret();
    }
    this.ttl = video.tokenTtl().compareTo(MAX_TTL) > 0 ? MAX_TTL : video.tokenTtl();
  }

  /** Whether an API key is configured (always, in simulator mode). */
  public boolean available() {
    return keySid != null && keySecret != null && accountSid != null && !accountSid.isBlank();
  }

  /** A signed JWT letting {@code identity} join {@code room}, and nothing else. */
  public String issue(String identity, String room) {
    VideoGrant grant = new VideoGrant().setRoom(room);
    return new AccessToken.Builder(
            accountSid, keySid, keySecret.getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .identity(identity)
        .ttl((int) ttl.toSeconds())
        .grant(grant)
        .build()
        .toJwt();
  }

  public Duration ttl() {
    return ttl;
  }

  private static String random(int bytes) {
    byte[] value = new byte[bytes];
    new SecureRandom().nextBytes(value);
    return HexFormat.of().formatHex(value);
  }
}

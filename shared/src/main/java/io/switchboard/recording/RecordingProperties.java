package io.switchboard.recording;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The recording pipeline's settings ({@code switchboard.recordings}).
 *
 * @param retention how long Twilio keeps its copy once ours is stored
 * @param transcriptionTimeout how long to wait for Twilio's transcription callback
 * @param fallback what to do when it does not come: {@code untranscribed} or {@code transcriber}
 *     (the {@code Transcriber} bean of the workers)
 * @param storageDir where the filesystem store keeps encrypted media
 * @param keys {@code SWITCHBOARD_RECORDING_KEYS}: master keys, {@code id:base64key,...}; separate
 *     from the payload keys. The embedded platform generates one into its data folder.
 * @param currentKeyId {@code SWITCHBOARD_RECORDING_KEY_ID}: the key new recordings use
 * @param readyEventUrl where the "recording ready" event is posted; none when unset
 * @param readyEventSecret the HMAC-SHA256 secret that signs it
 */
@Validated
@ConfigurationProperties("switchboard.recordings")
public record RecordingProperties(
    @DefaultValue("7d") Duration retention,
    @DefaultValue("10m") Duration transcriptionTimeout,
    @DefaultValue("untranscribed") Fallback fallback,
    @DefaultValue("data/recordings") Path storageDir,
    String keys,
    String currentKeyId,
    URI readyEventUrl,
    String readyEventSecret) {

  /** The transcription fallback. */
  public enum Fallback {
    UNTRANSCRIBED,
    TRANSCRIBER
  }
}

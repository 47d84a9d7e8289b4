package io.switchboard.config;

import io.switchboard.messaging.MessageMediaEraser;
import io.switchboard.messaging.MessageMediaRepository;
import io.switchboard.recording.RecordingKeyRotation;
import io.switchboard.recording.RecordingProperties;
import io.switchboard.recording.RecordingRepository;
import io.switchboard.recording.media.FileSystemRecordingStore;
import io.switchboard.recording.media.KeyProvider;
import io.switchboard.recording.media.LocalKeyProvider;
import io.switchboard.recording.media.MediaCipher;
import io.switchboard.recording.media.RecordingStore;
import io.switchboard.recording.media.SealedMedia;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Recording media for both roles: the workers encrypt and store, the api decrypts, streams and
 * erases. The key provider and the store are replaceable beans (a KMS, an object store).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RecordingProperties.class)
public class RecordingMediaConfiguration {

  /**
   * Lazy, so that a process that never touches a recording starts without recording keys; the first
   * use says what to set.
   */
  @Bean
  @Lazy
  @ConditionalOnMissingBean
  KeyProvider recordingKeyProvider(RecordingProperties properties) {
    if (properties.keys() == null || properties.keys().isBlank()) {
      throw new IllegalStateException(
          "recording encryption needs master keys: set SWITCHBOARD_RECORDING_KEYS=id:base64key"
              + " (for example r1:$(openssl rand -base64 32)), the same in the api and workers");
    }
    return LocalKeyProvider.parse(properties.keys(), properties.currentKeyId());
  }

  @Bean
  MediaCipher mediaCipher(@Lazy KeyProvider keys) {
    return new MediaCipher(keys);
  }

  @Bean
  @ConditionalOnMissingBean
  RecordingStore recordingMediaStore(RecordingProperties properties) {
    return new FileSystemRecordingStore(properties.storageDir());
  }

  @Bean
  SealedMedia sealedMedia(RecordingStore store, MediaCipher cipher) {
    return new SealedMedia(store, cipher);
  }

  @Bean
  MessageMediaEraser messageMediaEraser(
      MessageMediaRepository media, SealedMedia sealed, java.time.Clock clock) {
    return new MessageMediaEraser(media, sealed, clock);
  }

  @Bean
  RecordingRepository recordingRepository(JdbcClient jdbc, MediaCipher cipher) {
    return new RecordingRepository(jdbc, cipher);
  }

  @Bean
  RecordingKeyRotation recordingKeyRotation(
      RecordingRepository recordings,
      JdbcClient jdbc,
      MediaCipher cipher,
      @Lazy KeyProvider keys,
      RecordingStore store,
      Clock clock) {
    return new RecordingKeyRotation(recordings, jdbc, cipher, keys, store, clock);
  }
}

package io.switchboard.config;

import io.switchboard.messaging.InboundMessageProperties;
import io.switchboard.messaging.MessageMediaRepository;
import io.switchboard.ops.NumberFingerprint;
import io.switchboard.ops.NumberFingerprintProperties;
import io.switchboard.temporal.TemporalPayloadConfiguration;
import io.switchboard.throttle.RateGate;
import io.switchboard.voice.AgentLineProperties;
import io.switchboard.voice.AgentRepository;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Lazy;
import org.springframework.data.jdbc.repository.config.EnableJdbcRepositories;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What every Switchboard process needs: typed settings, the repositories, a clock, the shared rate
 * gate and the Temporal data converter that encrypts payloads.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({
  SwitchboardProperties.class,
  InboundMessageProperties.class,
  NumberFingerprintProperties.class,
  AgentLineProperties.class
})
@EnableJdbcRepositories(basePackages = "io.switchboard")
@Import({TemporalPayloadConfiguration.class, RecordingMediaConfiguration.class})
public class SharedConfiguration {

  @Bean
  AgentRepository agentRepository(JdbcClient jdbc) {
    return new AgentRepository(jdbc);
  }

  @Bean
  MessageMediaRepository messageMediaRepository(JdbcClient jdbc) {
    return new MessageMediaRepository(jdbc);
  }

  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.systemUTC();
  }

  /**
   * Lazy like the payload codec: the api and the workers make it at start (and fail there without a
   * key), while a test context that starts no workflow needs no key.
   */
  @Bean
  @Lazy
  NumberFingerprint numberFingerprint(NumberFingerprintProperties properties) {
    return properties.fingerprint();
  }

  @Bean
  RateGate rateGate(NamedParameterJdbcTemplate jdbc) {
    return new RateGate(jdbc);
  }
}

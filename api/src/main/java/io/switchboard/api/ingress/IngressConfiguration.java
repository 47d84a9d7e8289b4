package io.switchboard.api.ingress;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The webhook edge's settings and per-number limits. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookProperties.class)
public class IngressConfiguration {

  @Bean
  NumberRateLimiter callerRateLimiter(WebhookProperties properties) {
    return new NumberRateLimiter(properties.callsPerNumberPerMinute());
  }

  @Bean
  NumberRateLimiter senderRateLimiter(WebhookProperties properties) {
    return new NumberRateLimiter(properties.messagesPerNumberPerMinute());
  }
}

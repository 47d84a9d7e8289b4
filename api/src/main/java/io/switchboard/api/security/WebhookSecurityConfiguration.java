package io.switchboard.api.security;

import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.api.ingress.WebhookProperties;
import io.switchboard.api.web.ProblemWriter;
import io.switchboard.config.SwitchboardProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import tools.jackson.databind.json.JsonMapper;

/**
 * Puts the signature check in front of everything else on {@code /webhooks/*}, so a forged request
 * is turned away before any other code sees it.
 */
@Configuration(proxyBeanMethods = false)
public class WebhookSecurityConfiguration {

  @Bean
  FilterRegistrationBean<TwilioSignatureFilter> twilioSignatureFilter(
      SwitchboardProperties properties,
      WebhookProperties webhooks,
      ProblemWriter problems,
      MeterRegistry meters,
      JsonMapper json) {
    TrustedProxies proxies = new TrustedProxies(webhooks.trustedProxies());
    FilterRegistrationBean<TwilioSignatureFilter> registration =
        new FilterRegistrationBean<>(
            new TwilioSignatureFilter(
                properties,
                new WebhookUrls(properties, proxies),
                proxies,
                webhooks.allowedCidrs(),
                problems,
                meters,
                json));
    registration.addUrlPatterns("/webhooks/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }
}

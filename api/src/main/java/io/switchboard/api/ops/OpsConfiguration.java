package io.switchboard.api.ops;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/** The codec endpoint's CORS policy and the webhook timing filter. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OpsProperties.class)
public class OpsConfiguration {

  /**
   * Only the Temporal UI's origin may call the codec endpoint from a browser, and only with the
   * headers the remote codec protocol uses. Nothing else in the service allows cross-origin calls.
   */
  @Bean
  public CorsConfigurationSource codecCorsConfiguration(OpsProperties properties) {
    CorsConfiguration codec = new CorsConfiguration();
    String origin = properties.temporalUiOrigin();
    if (origin != null && !origin.isBlank()) {
      codec.setAllowedOrigins(List.of(origin.strip().replaceAll("/+$", "")));
    }
    codec.setAllowedMethods(List.of("POST"));
    codec.setAllowedHeaders(List.of("Authorization", "Content-Type", "X-Namespace"));
    codec.setAllowCredentials(true);
    codec.setMaxAge(600L);
    UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
    source.registerCorsConfiguration("/codec/**", codec);
    return source;
  }

  /** Runs before the signature check, so that refused webhooks are timed too. */
  @Bean
  FilterRegistrationBean<WebhookMetricsFilter> webhookMetricsFilter(MeterRegistry meters) {
    FilterRegistrationBean<WebhookMetricsFilter> registration =
        new FilterRegistrationBean<>(new WebhookMetricsFilter(meters));
    registration.addUrlPatterns("/webhooks/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }
}

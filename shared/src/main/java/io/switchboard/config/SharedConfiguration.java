package io.switchboard.config;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jdbc.repository.config.EnableJdbcRepositories;

/** What every Switchboard process needs: typed settings, the repositories and a clock. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SwitchboardProperties.class)
@EnableJdbcRepositories(basePackages = "io.switchboard")
public class SharedConfiguration {

  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.systemUTC();
  }
}

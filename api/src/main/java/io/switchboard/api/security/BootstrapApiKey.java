package io.switchboard.api.security;

import io.switchboard.config.SwitchboardProperties;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Makes sure one admin key exists: {@code SWITCHBOARD_API_KEY} when set, else a new secret that is
 * printed once so that a fresh install can be used at all. Further keys are made with it.
 */
@Component
public class BootstrapApiKey implements ApplicationRunner {

  static final String ID = "bootstrap-admin";

  private static final Logger log = LoggerFactory.getLogger(BootstrapApiKey.class);

  private final ApiKeyRepository keys;
  private final String configured;
  private volatile String secret;

  public BootstrapApiKey(ApiKeyRepository keys, SwitchboardProperties properties) {
    this.keys = keys;
    this.configured = properties.apiKey();
  }

  @Override
  public void run(ApplicationArguments args) {
    boolean generate = configured == null || configured.isBlank();
    secret = generate ? ApiKeys.newSecret() : configured;
    keys.upsert(ID, "bootstrap admin", ApiKeys.hash(secret), ApiScope.ADMIN.value(), Instant.now());
    if (generate) {
      log.warn("SWITCHBOARD_API_KEY is not set; generated an admin API key for this run");
    }
  }

  /** The admin key's secret, for the start-up summary; null before the application has started. */
  public String secret() {
    return secret;
  }

  public boolean generated() {
    return configured == null || configured.isBlank();
  }
}

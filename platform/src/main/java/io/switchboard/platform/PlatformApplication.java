package io.switchboard.platform;

import io.switchboard.api.ApiConfiguration;
import io.switchboard.config.JaxpFactories;
import io.switchboard.workers.WorkerConfiguration;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * Everything in one JVM: the api, the workers and the Twilio simulator, with PostgreSQL and
 * Temporal started alongside unless the environment points at real ones.
 */
@SpringBootApplication
@Import({ApiConfiguration.class, WorkerConfiguration.class, PlatformSimulator.class})
public class PlatformApplication {

  public static void main(String[] args) {
    JaxpFactories.preferJdkDefaults();
    SpringApplication app = new SpringApplication(PlatformApplication.class);
    app.setAdditionalProfiles("api", "worker", "simulator");
    app.setDefaultProperties(Map.of("switchboard.embedded.enabled", "true"));
    app.run(args);
  }
}

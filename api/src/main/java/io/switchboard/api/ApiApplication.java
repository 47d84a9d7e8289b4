package io.switchboard.api;

import io.switchboard.config.JaxpFactories;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The api process on its own: receives webhooks and REST calls and hands them to Temporal. */
@SpringBootApplication
public class ApiApplication {

  public static void main(String[] args) {
    JaxpFactories.preferJdkDefaults();
    SpringApplication app = new SpringApplication(ApiApplication.class);
    app.setAdditionalProfiles("api");
    app.setDefaultProperties(Map.of("spring.temporal.connection.target", "127.0.0.1:7233"));
    app.run(args);
  }
}

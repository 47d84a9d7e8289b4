package io.switchboard.workers;

import io.switchboard.config.JaxpFactories;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The worker process on its own: polls Temporal's task queues and runs activities. */
@SpringBootApplication
public class WorkerApplication {

  public static void main(String[] args) {
    JaxpFactories.preferJdkDefaults();
    SpringApplication app = new SpringApplication(WorkerApplication.class);
    app.setAdditionalProfiles("worker");
    app.setDefaultProperties(
        Map.of("spring.temporal.connection.target", "127.0.0.1:7233", "server.port", "8081"));
    app.run(args);
  }
}

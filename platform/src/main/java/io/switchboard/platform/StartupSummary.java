package io.switchboard.platform;

import io.switchboard.api.security.BootstrapApiKey;
import io.switchboard.config.SwitchboardProperties;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells the person who started the platform where everything is. */
@Component
class StartupSummary {

  private final Environment environment;
  private final SwitchboardProperties properties;
  private final BootstrapApiKey apiKey;

  StartupSummary(
      Environment environment, SwitchboardProperties properties, BootstrapApiKey apiKey) {
    this.environment = environment;
    this.properties = properties;
    this.apiKey = apiKey;
  }

  @EventListener(ApplicationReadyEvent.class)
  void print() {
    String base = "http://localhost:" + environment.getProperty("local.server.port", "8080");
    String temporalUi = environment.getProperty("switchboard.embedded.temporal.ui-url");
    StringBuilder text = new StringBuilder("\n  Switchboard is running\n");
    line(text, "API", base + "/api  (Swagger UI " + base + "/swagger-ui.html)");
    line(text, "OpenAPI", base + "/v3/api-docs");
    line(text, "Webhooks", webhookBase(base) + "/webhooks/voice");
    if (properties.twilio().effectiveMode() == SwitchboardProperties.TwilioMode.SIMULATOR) {
      line(text, "Simulator", base + "/simulator/  (call-flow debugger)");
    }
    line(
        text,
        "Temporal",
        environment.getProperty("spring.temporal.connection.target")
            + " ("
            + environment.getProperty("switchboard.embedded.temporal.kind", "external")
            + ")");
    line(
        text,
        "Temporal UI",
        temporalUi != null ? temporalUi : "none (install the temporal CLI for the real server)");
    line(text, "PostgreSQL", environment.getProperty("spring.datasource.url"));
    line(
        text,
        "Twilio",
        properties.twilio().effectiveMode().name().toLowerCase()
            + " (account "
            + properties.twilio().accountSid()
            + ")");
    line(
        text,
        "API key",
        apiKey.secret()
            + (apiKey.generated() ? "  (generated; set SWITCHBOARD_API_KEY to keep one)" : ""));
    System.out.println(text);
  }

  private String webhookBase(String base) {
    return properties.publicUrl() == null ? base : properties.publicUrl().toString();
  }

  private static void line(StringBuilder text, String label, String value) {
    text.append(String.format("  %-12s %s%n", label, value));
  }
}

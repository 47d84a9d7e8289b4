package io.switchboard.simulator;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The simulator on its own ({@code java -jar}); give it {@code TWILIO_ACCOUNT_SID} and {@code
 * TWILIO_AUTH_TOKEN} to play that account, or it makes a pair up and prints it.
 */
@SpringBootApplication
public class SimulatorApplication {

  public static void main(String[] args) {
    SecureRandom random = new SecureRandom();
    String accountSid = env("TWILIO_ACCOUNT_SID", "AC" + hex(random));
    String authToken = env("TWILIO_AUTH_TOKEN", hex(random));
    SpringApplication app = new SpringApplication(SimulatorApplication.class);
    app.setAdditionalProfiles("simulator");
    app.setDefaultProperties(
        Map.of(
            "switchboard.twilio.account-sid", accountSid,
            "switchboard.twilio.auth-token", authToken,
            "server.port", "8089"));
    app.run(args);
    System.out.printf("%n  Twilio simulator running as account %s%n", accountSid);
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  private static String hex(SecureRandom random) {
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}

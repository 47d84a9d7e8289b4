package io.switchboard.platform;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts what the all-in-one platform needs before any bean is made: PostgreSQL and Temporal,
 * unless a datasource URL or a Temporal target is configured, and Twilio simulator credentials when
 * none are given. It runs after the configuration files are read, so that anything set there or in
 * the environment wins; it stops what it started when the application context closes.
 */
public class EmbeddedServicesPostProcessor implements EnvironmentPostProcessor, Ordered {

  static final String PROPERTY_SOURCE = "switchboardEmbedded";

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    if (!environment.getProperty("switchboard.embedded.enabled", Boolean.class, false)
        || environment.getPropertySources().contains(PROPERTY_SOURCE)) {
      return;
    }
    Path dataDir = Path.of(environment.getProperty("switchboard.embedded.data-dir", "data"));
    boolean persistent =
        environment.getProperty("switchboard.embedded.persistent", Boolean.class, true);
    Map<String, Object> properties = new HashMap<>();
    List<AutoCloseable> started = new ArrayList<>();
    EmbeddedServices services;
    try {
      services =
          new EmbeddedServices(
              startPostgres(environment, dataDir, persistent, properties, started),
              startTemporal(environment, dataDir, persistent, properties, started));
    } catch (RuntimeException e) {
      closeAll(started);
      throw e;
    }
    application.addInitializers(
        context -> context.getBeanFactory().registerSingleton("embeddedServices", services));
    simulatorCredentials(environment, properties);
    payloadKeys(environment, dataDir, properties);
    recordingKeys(environment, dataDir, properties);
    numberFingerprintKey(environment, dataDir, properties);
    environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, properties));
    Thread hook = new Thread(() -> closeAll(started), "switchboard-embedded-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    application.addListeners(
        (ApplicationEvent event) -> {
          if (event instanceof ContextClosedEvent || event instanceof ApplicationFailedEvent) {
            closeAll(started);
          }
        });
  }

  private static EmbeddedPostgresServer startPostgres(
      ConfigurableEnvironment environment,
      Path dataDir,
      boolean persistent,
      Map<String, Object> properties,
      List<AutoCloseable> started) {
    if (hasText(environment.getProperty("spring.datasource.url"))) {
      return null;
    }
    int port = environment.getProperty("switchboard.embedded.postgres.port", Integer.class, 0);
    EmbeddedPostgresServer postgres =
        EmbeddedPostgresServer.start(dataDir.resolve("postgres"), port, persistent);
    started.add(postgres);
    properties.put("spring.datasource.url", postgres.jdbcUrl());
    properties.put("spring.datasource.username", "postgres");
    properties.put("spring.datasource.password", "");
    properties.put("switchboard.embedded.postgres.url", postgres.jdbcUrl());
    return postgres;
  }

  private static EmbeddedTemporal startTemporal(
      ConfigurableEnvironment environment,
      Path dataDir,
      boolean persistent,
      Map<String, Object> properties,
      List<AutoCloseable> started) {
    if (hasText(environment.getProperty("spring.temporal.connection.target"))) {
      return null;
    }
    EmbeddedTemporal.Mode mode =
        EmbeddedTemporal.Mode.valueOf(
            environment
                .getProperty("switchboard.embedded.temporal.mode", "auto")
                .replace('-', '_')
                .toUpperCase(Locale.ROOT));
    EmbeddedTemporal temporal =
        EmbeddedTemporal.start(
            mode,
            environment.getProperty("switchboard.embedded.temporal.port", Integer.class, 7233),
            environment.getProperty("switchboard.embedded.temporal.ui-port", Integer.class, 8233),
            dataDir.resolve("temporal"),
            persistent,
            codecEndpoint(environment));
    started.add(temporal);
    properties.put("spring.temporal.connection.target", temporal.target());
    properties.put("switchboard.embedded.temporal.kind", temporal.kind());
    if (temporal.uiUrl() != null) {
      properties.put("switchboard.embedded.temporal.ui-url", temporal.uiUrl());
    }
    return temporal;
  }

  /**
   * Where the dev server's UI finds our codec endpoint to show decoded payloads; only known before
   * start when the HTTP port is fixed.
   */
  private static String codecEndpoint(ConfigurableEnvironment environment) {
    int port = environment.getProperty("server.port", Integer.class, 8080);
    return port > 0 ? "http://localhost:" + port + "/codec" : null;
  }

  /**
   * Without configured keys, the platform encrypts Temporal payloads with a key of its own, kept in
   * the data folder so that a restart can still read older histories.
   */
  private static void payloadKeys(
      ConfigurableEnvironment environment, Path dataDir, Map<String, Object> properties) {
    if (hasText(environment.getProperty("switchboard.payload-encryption.keys"))) {
      return;
    }
    properties.put("switchboard.payload-encryption.keys", EmbeddedPayloadKey.loadOrCreate(dataDir));
  }

  /** Likewise the master keys of recording media, so that stored recordings survive a restart. */
  private static void recordingKeys(
      ConfigurableEnvironment environment, Path dataDir, Map<String, Object> properties) {
    if (hasText(environment.getProperty("switchboard.recordings.keys"))) {
      return;
    }
    properties.put(
        "switchboard.recordings.keys",
        EmbeddedPayloadKey.loadOrCreate(dataDir, EmbeddedPayloadKey.RECORDING_FILE_NAME, "rec1"));
  }

  /**
   * Likewise the key of phone-number fingerprints, so that workflows stay findable by number after
   * a restart.
   */
  private static void numberFingerprintKey(
      ConfigurableEnvironment environment, Path dataDir, Map<String, Object> properties) {
    if (hasText(environment.getProperty("switchboard.ops.number-fingerprint.key"))) {
      return;
    }
    String idAndKey =
        EmbeddedPayloadKey.loadOrCreate(dataDir, EmbeddedPayloadKey.FINGERPRINT_FILE_NAME, "fp1");
    properties.put(
        "switchboard.ops.number-fingerprint.key", idAndKey.substring(idAndKey.indexOf(':') + 1));
  }

  /**
   * In simulator mode without credentials, makes up a pair: the simulator accepts and signs with
   * it, and the api checks signatures with it, so the whole loop is exercised as with Twilio.
   */
  private static void simulatorCredentials(
      ConfigurableEnvironment environment, Map<String, Object> properties) {
    String mode = environment.getProperty("switchboard.twilio.mode", "");
    String accountSid = environment.getProperty("switchboard.twilio.account-sid", "");
    boolean simulator = mode.isBlank() ? accountSid.isBlank() : mode.equalsIgnoreCase("simulator");
    if (!simulator || !accountSid.isBlank()) {
      return;
    }
    SecureRandom random = new SecureRandom();
    properties.put("switchboard.twilio.mode", "simulator");
    properties.put("switchboard.twilio.account-sid", "AC" + randomHex(random));
    properties.put("switchboard.twilio.auth-token", randomHex(random));
  }

  private static String randomHex(SecureRandom random) {
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  private static synchronized void closeAll(List<AutoCloseable> started) {
    for (int i = started.size() - 1; i >= 0; i--) {
      try {
        started.get(i).close();
      } catch (Exception e) {
        System.err.println("could not stop an embedded service: " + e);
      }
    }
    started.clear();
  }

  private static boolean hasText(String value) {
    return value != null && !value.isBlank();
  }
}

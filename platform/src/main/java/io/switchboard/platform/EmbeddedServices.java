package io.switchboard.platform;

import java.io.IOException;

/**
 * The services the platform started itself, as a bean: fault drills (and the fault tests) stop and
 * restart them to show that no accepted webhook is lost while one is down.
 *
 * @param postgres the embedded PostgreSQL, or null when an external one is configured
 * @param temporal the embedded Temporal, or null when an external one is configured
 */
public record EmbeddedServices(EmbeddedPostgresServer postgres, EmbeddedTemporal temporal) {

  public void stopTemporal() throws IOException {
    required(temporal, "Temporal").stop();
  }

  public void restartTemporal() {
    required(temporal, "Temporal").restart();
  }

  public void stopPostgres() throws IOException {
    required(postgres, "PostgreSQL").stop();
  }

  public void restartPostgres() {
    required(postgres, "PostgreSQL").restart();
  }

  private static <T> T required(T service, String name) {
    if (service == null) {
      throw new IllegalStateException(name + " is external; the platform did not start it");
    }
    return service;
  }
}

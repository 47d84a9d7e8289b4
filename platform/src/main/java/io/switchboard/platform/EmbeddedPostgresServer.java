package io.switchboard.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** A real PostgreSQL server run from the binaries zonky packages, with its data in a folder. */
public final class EmbeddedPostgresServer implements AutoCloseable {

  private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

  /** Tries at starting on a port of zonky's choosing; see {@link #launch}. */
  private static final int PORT_ATTEMPTS = 3;

  private final Path dataDir;
  private EmbeddedPostgres postgres;
  private int port;

  private EmbeddedPostgresServer(Path dataDir, EmbeddedPostgres postgres) {
    this.dataDir = dataDir;
    this.postgres = postgres;
    this.port = postgres.getPort();
  }

  /**
   * Starts PostgreSQL on the port (0 for any free one). A persistent data folder keeps its data
   * across runs; a throwaway one is wiped first.
   */
  static EmbeddedPostgresServer start(Path dataDir, int port, boolean persistent) {
    return new EmbeddedPostgresServer(dataDir, launch(dataDir, port, !persistent));
  }

  String jdbcUrl() {
    return "jdbc:postgresql://localhost:" + port + "/postgres?user=postgres";
  }

  /** Stops the server, keeping its data: for fault drills and tests of an outage. */
  synchronized void stop() throws IOException {
    if (postgres != null) {
      postgres.close();
      postgres = null;
    }
  }

  /** Starts it again on the same port with the same data. */
  synchronized void restart() {
    if (postgres == null) {
      postgres = launch(dataDir, port, false);
    }
  }

  @Override
  public void close() throws IOException {
    stop();
  }

  private static EmbeddedPostgres launch(Path dataDir, int port, boolean clean) {
    // With port 0 zonky picks a port that is free and binds it later; an outgoing connection can
    // take it in between, and PostgreSQL then will not start. A port we did not fix is picked
    // again.
    int attempts = port > 0 ? 1 : PORT_ATTEMPTS;
    for (int attempt = 1; ; attempt++) {
      try {
        return launchOnce(dataDir, port, clean);
      } catch (UncheckedIOException e) {
        if (attempt >= attempts) {
          throw e;
        }
      }
    }
  }

  private static EmbeddedPostgres launchOnce(Path dataDir, int port, boolean clean) {
    try {
      Files.createDirectories(dataDir);
      EmbeddedPostgres.Builder builder =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDir)
              .setCleanDataDirectory(clean)
              .setServerConfig("max_connections", "100")
              // zonky waits 10 s by default; a loaded CI machine starting several servers at once
              // can take longer, and a context that fails here fails every test class using it.
              .setPGStartupWait(STARTUP_WAIT);
      if (port > 0) {
        builder.setPort(port);
      }
      return builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("embedded PostgreSQL did not start", e);
    }
  }
}

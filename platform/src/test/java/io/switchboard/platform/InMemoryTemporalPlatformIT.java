package io.switchboard.platform;

import org.springframework.test.context.TestPropertySource;

/** The slice on the SDK's in-memory Temporal server, as the platform runs without the CLI. */
@TestPropertySource(
    properties = {
      "switchboard.embedded.temporal.mode=in-memory",
      "switchboard.embedded.data-dir=target/it-data/in-memory"
    })
class InMemoryTemporalPlatformIT extends PlatformSliceIT {}

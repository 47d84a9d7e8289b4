package io.switchboard.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The platform as the simulator drives it: no public URL, so that the simulator's signatures (over
 * the local URL it calls) are the ones checked, and fast simulated lifecycles. Every test class
 * with this annotation shares one Spring context, one platform.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(
    classes = PlatformApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "switchboard.embedded.enabled=true",
      "switchboard.embedded.persistent=false",
      "switchboard.embedded.temporal.port=0",
      "switchboard.embedded.temporal.ui-port=0",
      "switchboard.embedded.temporal.mode=in-memory",
      "switchboard.embedded.data-dir=target/it-data/messaging",
      "switchboard.api-key=" + SimulatorDrivenPlatformTest.API_KEY,
      "switchboard.messaging.status-check-after=1s",
      // Bulk sends in BulkMessagingPlatformIT go from this sender at 10 segments a second.
      "switchboard.messaging.throughput.senders.[+14155559000]=10",
      "switchboard.twilio.http.read-timeout=1s",
      "switchboard.simulator.lifecycle.message-step=20ms",
      "switchboard.video.api-key-sid=" + SimulatorDrivenPlatformTest.VIDEO_KEY_SID,
      "switchboard.video.api-key-secret=" + SimulatorDrivenPlatformTest.VIDEO_KEY_SECRET,
      // The first call of a cold JVM can exceed the production 2 s voice budget on a loaded
      // machine (as in PlatformTestSupport); every class with this annotation shares the context.
      "switchboard.inbox.voice-budget=10s"
    })
@ActiveProfiles({"api", "worker", "simulator"})
@interface SimulatorDrivenPlatformTest {

  String API_KEY = "sb_it_messaging_admin";
  String VIDEO_KEY_SID = "SK00000000000000000000000000000042";
  String VIDEO_KEY_SECRET = "it-video-secret-of-at-least-thirty-two-bytes";
}

package io.switchboard.api.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.config.SharedConfiguration;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The inbox forgets settled webhooks after its retention, never pending ones, on PostgreSQL. */
@SpringBootTest(
    classes = InboxRetentionTest.Config.class,
    properties = "switchboard.inbox.retention=30d")
class InboxRetentionTest {

  static final EmbeddedPostgres POSTGRES = start();

  @SpringBootConfiguration
  @EnableAutoConfiguration
  @EnableConfigurationProperties(InboxProperties.class)
  @Import({SharedConfiguration.class, Inbox.class})
  static class Config {}

  @DynamicPropertySource
  static void datasource(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> POSTGRES.getJdbcUrl("postgres", "postgres"));
    registry.add("spring.datasource.username", () -> "postgres");
  }

  @Autowired Inbox inbox;
  @Autowired InboxProperties properties;
  @Autowired JdbcClient jdbc;

  @Test
  void settledEventsPastTheRetentionGoAndPendingOnesStayWhateverTheirAge() {
    Instant now = Instant.now();
    long oldDispatched = event(DispatchState.DISPATCHED, now.minus(Duration.ofDays(31)));
    long oldOrphaned = event(DispatchState.ORPHANED, now.minus(Duration.ofDays(40)));
    long oldPending = event(DispatchState.PENDING, now.minus(Duration.ofDays(60)));
    long recent = event(DispatchState.DISPATCHED, now.minus(Duration.ofDays(29)));

    int deleted = retention(properties).prune();

    assertThat(deleted).isGreaterThanOrEqualTo(2);
    assertThat(inbox.find(oldDispatched)).isEmpty();
    assertThat(inbox.find(oldOrphaned)).isEmpty();
    assertThat(inbox.find(oldPending)).isPresent();
    assertThat(inbox.find(recent)).isPresent();
  }

  @Test
  void aZeroRetentionKeepsEverything() {
    long old = event(DispatchState.DISPATCHED, Instant.now().minus(Duration.ofDays(400)));
    InboxProperties keepForever =
        new InboxProperties(
            properties.relayInterval(),
            properties.hold(),
            properties.lease(),
            properties.maxBackoff(),
            properties.voiceBudget(),
            Duration.ZERO,
            properties.pruneEvery());

    assertThat(retention(keepForever).prune()).isZero();
    assertThat(inbox.find(old)).isPresent();
  }

  private InboxRetention retention(InboxProperties settings) {
    return new InboxRetention(
        inbox, settings, Clock.system(ZoneOffset.UTC), new SimpleMeterRegistry());
  }

  /** An event as the ingress records it, then aged to {@code receivedAt}. */
  private long event(DispatchState state, Instant receivedAt) {
    String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
    long id =
        inbox
            .record(
                new NewWebhookEvent(
                    WebhookKind.STATUS,
                    "/webhooks/status",
                    "retention:" + sid,
                    "message:" + sid,
                    Map.of("MessageSid", sid, "MessageStatus", "delivered"),
                    Map.of(),
                    state),
                Duration.ZERO)
            .orElseThrow();
    jdbc.sql("UPDATE webhook_events SET received_at = :at WHERE id = :id")
        .param("at", receivedAt.atOffset(ZoneOffset.UTC))
        .param("id", id)
        .update();
    return id;
  }

  private static EmbeddedPostgres start() {
    try {
      return EmbeddedPostgres.start();
    } catch (IOException e) {
      throw new IllegalStateException("embedded PostgreSQL did not start", e);
    }
  }

  @AfterAll
  static void stop() throws IOException {
    POSTGRES.close();
  }
}

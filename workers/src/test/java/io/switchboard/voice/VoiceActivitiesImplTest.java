package io.switchboard.voice;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.config.SharedConfiguration;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The call-recording activity against a real PostgreSQL with the real migrations. */
@SpringBootTest(classes = VoiceActivitiesImplTest.Config.class)
class VoiceActivitiesImplTest {

  static final EmbeddedPostgres POSTGRES = start();

  @SpringBootConfiguration
  @EnableAutoConfiguration
  @Import({SharedConfiguration.class, VoiceActivitiesImpl.class})
  static class Config {}

  @DynamicPropertySource
  static void datasource(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> POSTGRES.getJdbcUrl("postgres", "postgres"));
    registry.add("spring.datasource.username", () -> "postgres");
  }

  @Autowired VoiceActivitiesImpl activities;
  @Autowired CallRepository calls;
  @Autowired CallEventRepository events;
  @Autowired AgentRepository agents;

  @Test
  void retriedActivityRecordsTheCallAndItsEventOnce() {
    CallRecordRequest answered = request("CA1", "in-progress", 1_000);

    activities.recordCall(answered);
    activities.recordCall(answered);

    assertThat(calls.findById("CA1")).get().extracting(CallRecord::status).isEqualTo("in-progress");
    assertThat(events.findByCallSidOrderByOccurredAtAscIdAsc("CA1")).hasSize(1);
  }

  @Test
  void finalStatusEndsTheCallAndKeepsTheHistory() {
    activities.recordCall(request("CA2", "in-progress", 1_000));
    activities.recordCall(request("CA2", "completed", 61_000));

    CallRecord call = calls.findById("CA2").orElseThrow();
    assertThat(call.status()).isEqualTo("completed");
    assertThat(call.endedAt()).isEqualTo(Instant.ofEpochMilli(61_000));
    assertThat(call.startedAt()).isEqualTo(Instant.ofEpochMilli(1_000));
    assertThat(events.findByCallSidOrderByOccurredAtAscIdAsc("CA2"))
        .extracting(CallEventRecord::status)
        .containsExactly("in-progress", "completed");
  }

  @Test
  void olderWriteArrivingLateDoesNotOverwriteANewerStatus() {
    activities.recordCall(request("CA3", "completed", 61_000));
    activities.recordCall(request("CA3", "in-progress", 1_000));

    assertThat(calls.findById("CA3")).get().extracting(CallRecord::status).isEqualTo("completed");
  }

  @Test
  void aCallbackEventIsAddedOnceWithItsDetailAndLeavesTheCallsStatusAlone() {
    activities.recordCall(request("CA4", "completed", 61_000));
    CallEventRequest calling =
        new CallEventRequest("CA4", "callback-calling", "agent alice", 90_000);

    activities.recordCallEvent(calling);
    activities.recordCallEvent(calling);

    assertThat(calls.findById("CA4")).get().extracting(CallRecord::status).isEqualTo("completed");
    assertThat(events.findByCallSidOrderByOccurredAtAscIdAsc("CA4"))
        .extracting(CallEventRecord::status, CallEventRecord::detail)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("completed", null),
            org.assertj.core.groups.Tuple.tuple("callback-calling", "agent alice"));
  }

  @Test
  void anUnusedReservationIsReleasedOnlyWhileTheAgentStillHoldsIt() {
    Instant at = Instant.ofEpochMilli(1_000);
    agents.save(
        new AgentRow("cb-a", "A", "client:a", java.util.List.of("cb"), 1, true, null, at), at);
    agents.setAvailable("cb-a", true, at);
    AgentRepository.InLine caller =
        new AgentRepository.InLine("CA5", java.util.List.of("cb"), 0, at, false);
    assertThat(agents.reserve(caller, "r1", at, java.time.Duration.ZERO)).isPresent();

    boolean wrongReservation = agents.release("cb-a", "r2", at.plusSeconds(1));
    boolean freed = agents.release("cb-a", "r1", at.plusSeconds(2));
    boolean again = agents.release("cb-a", "r1", at.plusSeconds(3));

    assertThat(wrongReservation).isFalse();
    assertThat(freed).isTrue();
    assertThat(again).isFalse();
    assertThat(agents.find("cb-a"))
        .get()
        .satisfies(
            agent -> {
              assertThat(agent.available()).isTrue();
              assertThat(agent.reservedFor()).isNull();
            });
  }

  private static CallRecordRequest request(String callSid, String status, long at) {
    return new CallRecordRequest(
        callSid, "AC1", "+15551230001", "+15559870002", "inbound", status, at);
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

package io.switchboard.voice;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.config.SharedConfiguration;
import io.switchboard.voice.AgentRepository.InLine;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Callers waiting for an agent are served in line, against a real PostgreSQL: a free agent goes to
 * the caller ahead who could take them, whoever asks first.
 */
@SpringBootTest(classes = AgentLineTest.Config.class)
class AgentLineTest {

  static final EmbeddedPostgres POSTGRES = start();
  static final Duration LIVE = Duration.ofSeconds(45);
  static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");

  @SpringBootConfiguration
  @EnableAutoConfiguration
  @Import({SharedConfiguration.class, VoiceActivitiesImpl.class})
  static class Config {}

  @DynamicPropertySource
  static void datasource(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> POSTGRES.getJdbcUrl("postgres", "postgres"));
    registry.add("spring.datasource.username", () -> "postgres");
  }

  @Autowired AgentRepository agents;
  @Autowired VoiceActivitiesImpl voice;

  @Test
  void aFreeAgentWaitsForTheCallerWhoWaitedLongestEvenWhenALaterOneAsksFirst() {
    String skill = skill();
    agent("a-" + skill, skill);
    agents.setAvailable("a-" + skill, false, T0);
    InLine first = caller("CAfirst" + skill, skill, 0, T0);
    InLine second = caller("CAsecond" + skill, skill, 0, T0.plusSeconds(30));
    assertThat(ask(first, T0.plusSeconds(31))).isEmpty(); // in line, no agent free yet

    agents.setAvailable("a-" + skill, true, T0.plusSeconds(40));
    Optional<AgentRow> jumped = ask(second, T0.plusSeconds(41));
    Optional<AgentRow> served = ask(first, T0.plusSeconds(44));

    assertThat(jumped).isEmpty();
    assertThat(served).get().extracting(AgentRow::id).isEqualTo("a-" + skill);
    assertThat(agents.find("a-" + skill).orElseThrow().reservedFor()).isEqualTo(first.callSid());
  }

  @Test
  void aLaterCallerTakesAnAgentTheCallerAheadCannotUse() {
    String skill = skill();
    agent("plain-" + skill, skill);
    agents.setAvailable("plain-" + skill, false, T0);
    InLine ahead = new InLine("CAahead" + skill, List.of(skill, "spanish"), 0, T0, false);
    InLine behind = caller("CAbehind" + skill, skill, 0, T0.plusSeconds(20));
    ask(ahead, T0.plusSeconds(25));
    agents.setAvailable("plain-" + skill, true, T0.plusSeconds(26));

    assertThat(ask(behind, T0.plusSeconds(27))).isPresent();
  }

  @Test
  void aHigherPriorityCallerGoesFirstAndASilentOneLosesTheirTurn() {
    String skill = skill();
    agent("b-" + skill, skill);
    agents.setAvailable("b-" + skill, false, T0);
    InLine early = caller("CAearly" + skill, skill, 0, T0);
    InLine vip = caller("CAvip" + skill, skill, 10, T0.plusSeconds(50));
    ask(early, T0.plusSeconds(55));
    ask(vip, T0.plusSeconds(56));
    agents.setAvailable("b-" + skill, true, T0.plusSeconds(57));

    Optional<AgentRow> earlyCaller = ask(early, T0.plusSeconds(58));
    // The VIP stops asking (a long hold track): after the liveness window they are out of line.
    Optional<AgentRow> afterSilence = ask(early, T0.plusSeconds(56).plus(LIVE).plusSeconds(1));

    assertThat(earlyCaller).isEmpty();
    assertThat(afterSilence).isPresent();
  }

  @Test
  void aCallerWhoHangsUpLeavesTheLineAtOnceButAQueuedCallbackKeepsItsPlace() {
    String skill = skill();
    agent("c-" + skill, skill);
    agents.setAvailable("c-" + skill, false, T0);
    InLine gone = caller("CAgone" + skill, skill, 0, T0);
    InLine callback = new InLine("CAcb" + skill, List.of(skill), 0, T0.plusSeconds(5), true);
    InLine later = caller("CAlater" + skill, skill, 0, T0.plusSeconds(10));
    ask(gone, T0.plusSeconds(11));
    ask(callback, T0.plusSeconds(12));
    agents.setAvailable("c-" + skill, true, T0.plusSeconds(13));

    voice.recordCall(
        new CallRecordRequest(
            gone.callSid(), "AC1", "+15551230001", "+15559870002", "inbound", "completed", 14_000));
    voice.recordCall(
        new CallRecordRequest(
            callback.callSid(),
            "AC1",
            "+15551230001",
            "+15559870002",
            "inbound",
            "completed",
            14_000));
    Optional<AgentRow> laterCaller = ask(later, T0.plusSeconds(15));
    Optional<AgentRow> calledBack = ask(callback, T0.plusSeconds(16));

    assertThat(agents.line(T0).stream().map(InLine::callSid)).doesNotContain(gone.callSid());
    assertThat(laterCaller).isEmpty();
    assertThat(calledBack).isPresent();
    assertThat(agents.line(T0).stream().map(InLine::callSid)).doesNotContain(callback.callSid());
  }

  @Test
  void aCallerKeepsTheEarliestPlaceTheyWereGiven() {
    String skill = skill();
    agent("d-" + skill, skill);
    agents.setAvailable("d-" + skill, false, T0);
    InLine one = caller("CAone" + skill, skill, 0, T0.plusSeconds(10));
    InLine two = caller("CAtwo" + skill, skill, 0, T0.plusSeconds(20));
    ask(one, T0.plusSeconds(21));
    ask(two, T0.plusSeconds(22));
    // Sent to the node again, the first caller asks as one who just arrived: still first.
    ask(caller(one.callSid(), skill, 0, T0.plusSeconds(30)), T0.plusSeconds(31));
    agents.setAvailable("d-" + skill, true, T0.plusSeconds(32));

    assertThat(ask(two, T0.plusSeconds(33))).isEmpty();
    assertThat(agents.line(T0).stream().filter(c -> c.callSid().equals(one.callSid())))
        .extracting(InLine::waitingSince)
        .containsExactly(T0.plusSeconds(10));
    assertThat(ask(caller(one.callSid(), skill, 0, T0.plusSeconds(34)), T0.plusSeconds(34)))
        .isPresent();
  }

  @Test
  void aCallerWhoseAgentDidNotPickUpAsksAgainInTheirOldPlace() {
    String skill = skill();
    agent("e1-" + skill, skill);
    agent("e2-" + skill, skill);
    agents.setAvailable("e2-" + skill, false, T0);
    InLine first = caller("CAfirst" + skill, skill, 0, T0);
    InLine second = caller("CAsecond" + skill, skill, 0, T0.plusSeconds(10));
    Optional<AgentRow> served = ask(first, T0.plusSeconds(11));
    assertThat(ask(second, T0.plusSeconds(12))).isEmpty(); // in line behind, nobody free
    // Being served, the first caller is not listed as waiting while the agent rings.
    assertThat(agents.line(T0).stream().map(InLine::callSid)).doesNotContain(first.callSid());

    // The agent does not pick up; the node offers the caller again, as one who just arrived.
    agents.setAvailable("e2-" + skill, true, T0.plusSeconds(30));
    Optional<AgentRow> again =
        ask(caller(first.callSid(), skill, 0, T0.plusSeconds(31)), T0.plusSeconds(31));

    assertThat(served).get().extracting(AgentRow::id).isEqualTo("e1-" + skill);
    assertThat(again).get().extracting(AgentRow::id).isEqualTo("e2-" + skill);
  }

  @Test
  void aCallerIsToldTheirPlaceAmongTheCallersAheadForTheSameAgents() {
    String skill = skill();
    agent("f-" + skill, skill);
    agents.setAvailable("f-" + skill, false, T0);
    InLine first = caller("CAf1" + skill, skill, 0, T0);
    InLine second = caller("CAf2" + skill, skill, 0, T0.plusSeconds(10));
    InLine vip = caller("CAfv" + skill, skill, 10, T0.plusSeconds(20));
    // Waiting longest, but for agents none of whom could serve the others: not ahead of them.
    InLine elsewhere = caller("CAfe" + skill, skill(), 0, T0.minusSeconds(60));
    ask(first, T0.plusSeconds(21));
    ask(second, T0.plusSeconds(22));
    ask(vip, T0.plusSeconds(23));
    ask(elsewhere, T0.plusSeconds(24));
    Instant live = T0.plusSeconds(25).minus(LIVE);

    assertThat(agents.ahead(vip.callSid(), live)).contains(0);
    assertThat(agents.ahead(first.callSid(), live)).contains(1);
    assertThat(agents.ahead(second.callSid(), live)).contains(2);
    assertThat(agents.ahead(elsewhere.callSid(), live)).contains(0);
    assertThat(agents.ahead("CAnot-in-line" + skill, live)).isEmpty();
    // The first caller stops asking (hung up unnoticed): past the window, nobody counts them.
    assertThat(agents.ahead(second.callSid(), T0.plusSeconds(21).plusMillis(500))).contains(1);
  }

  private Optional<AgentRow> ask(InLine caller, Instant at) {
    return agents.reserve(caller, UUID.randomUUID().toString(), at, LIVE);
  }

  private void agent(String id, String skill) {
    agents.save(new AgentRow(id, id, "client:" + id, List.of(skill), 1, true, null, T0), T0);
    agents.setAvailable(id, true, T0);
  }

  private static InLine caller(String callSid, String skill, int priority, Instant since) {
    return new InLine(callSid, List.of(skill), priority, since, false);
  }

  private static String skill() {
    return "s" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
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

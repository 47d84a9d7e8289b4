package io.switchboard.platform;

import io.switchboard.platform.FaultMatrixReport.Row;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Outbound-call scenarios of the fault matrix. Each call goes to its own number from one caller ID,
 * so the simulator's list of created calls is the ground truth: no call to a number is a lost call,
 * a second one a duplicated call.
 */
final class FaultMatrixOutbound {

  /** One initiation and whether the API accepted it (202). */
  record Initiated(String key, String to, boolean accepted) {}

  /** The caller ID of the fault matrix's outbound calls, apart from every other test's. */
  static final String CALLER_ID = "+15559870077";

  private static final Duration SETTLE = Duration.ofSeconds(90);

  private final FaultMatrixClient client;

  FaultMatrixOutbound(FaultMatrixClient client) {
    this.client = client;
  }

  List<Initiated> initiate(int count) throws Exception {
    List<Initiated> initiated = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String key = "fm-call-" + UUID.randomUUID();
      String to = FaultMatrixClient.handset();
      HttpResponse<String> response = client.initiateCall(key, CALLER_ID, to);
      initiated.add(new Initiated(key, to, response.statusCode() == 202));
    }
    return initiated;
  }

  /** Waits until Twilio (the simulator) has placed the first of these calls. */
  void awaitFirstPlaced(List<Initiated> initiated) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    Set<String> numbers = new HashSet<>();
    initiated.forEach(call -> numbers.add(call.to()));
    while (client.callsPlacedFrom(CALLER_ID).stream().noneMatch(numbers::contains)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("Twilio placed none of the calls in 30 s");
      }
      Thread.sleep(20);
    }
  }

  /**
   * Lost: an accepted call that never ended completed, or that Twilio never placed. Duplicated: a
   * second call to the same number, or a status of one attempt recorded twice.
   */
  Row verify(String scenario, List<Initiated> initiated, String note) throws Exception {
    int accepted = 0;
    int lost = 0;
    int duplicated = 0;
    long deadline = System.nanoTime() + SETTLE.toNanos();
    for (Initiated call : initiated) {
      if (!call.accepted()) {
        continue;
      }
      accepted++;
      JsonNode record = awaitCompleted(call.key(), deadline);
      int placed = Collections.frequency(client.callsPlacedFrom(CALLER_ID), call.to());
      if (record == null || placed == 0) {
        lost++;
      }
      duplicated += Math.max(0, placed - 1);
      if (record != null) {
        List<String> events =
            record
                .get("outbound")
                .get("events")
                .valueStream()
                .map(event -> event.get("attempt").asInt() + "/" + event.get("status").asString())
                .toList();
        duplicated += events.size() - new HashSet<>(events).size();
      }
    }
    return new Row(scenario, initiated.size(), accepted, lost, duplicated, note);
  }

  private JsonNode awaitCompleted(String key, long deadline) throws Exception {
    while (System.nanoTime() < deadline) {
      JsonNode record = client.readQuietly("/api/calls/" + key);
      if (record != null
          && record.get("outbound") != null
          && "completed".equals(record.get("outbound").get("status").asString())) {
        return record;
      }
      Thread.sleep(200);
    }
    return null;
  }
}

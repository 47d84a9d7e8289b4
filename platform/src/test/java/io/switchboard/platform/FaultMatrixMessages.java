package io.switchboard.platform;

import io.switchboard.platform.FaultMatrixReport.Row;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Messaging scenarios of the fault matrix. Each message goes to its own handset, so the handset's
 * inbox is the ground truth: no message there is a lost send, a second one a duplicated send.
 */
final class FaultMatrixMessages {

  /** One send request and whether the API accepted it (202). */
  record Sent(String key, String to, boolean accepted) {}

  private static final int PER_SCENARIO = 5;
  private static final Duration SETTLE = Duration.ofSeconds(90);

  private final FaultMatrixClient client;

  FaultMatrixMessages(FaultMatrixClient client) {
    this.client = client;
  }

  Sent sendTo(String to) throws Exception {
    String key = "fm-" + UUID.randomUUID();
    HttpResponse<String> response = client.sendMessage(key, to);
    return new Sent(key, to, response.statusCode() == 202);
  }

  List<Sent> send(int count) throws Exception {
    List<Sent> sent = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      sent.add(sendTo(FaultMatrixClient.handset()));
    }
    return sent;
  }

  /** Sends with the simulator fault in force for each message's number. */
  Row underFault(String scenario, Map<String, Object> fault, String note) throws Exception {
    List<Sent> sent = new ArrayList<>();
    for (int i = 0; i < PER_SCENARIO; i++) {
      String to = FaultMatrixClient.handset();
      Map<String, Object> rule = new HashMap<>(fault);
      rule.put("number", to);
      client.fault(rule);
      sent.add(sendTo(to));
    }
    return verify(scenario, sent, note);
  }

  /** Waits until Twilio (the simulator) has made each message. */
  void awaitAtHandsets(List<Sent> sent) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    for (Sent message : sent) {
      while (client.handsetMessages(message.to()) == 0) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("Twilio never made " + message.key());
        }
        Thread.sleep(10);
      }
    }
  }

  /**
   * Lost: an accepted message that never ended delivered or never reached its handset. Duplicated:
   * a second message at a handset, or a status recorded twice.
   */
  Row verify(String scenario, List<Sent> sent, String note) throws Exception {
    int accepted = 0;
    int lost = 0;
    int duplicated = 0;
    long deadline = System.nanoTime() + SETTLE.toNanos();
    for (Sent message : sent) {
      if (!message.accepted()) {
        continue;
      }
      accepted++;
      JsonNode record = awaitDelivered(message.key(), deadline);
      int atHandset = client.handsetMessages(message.to());
      if (record == null || atHandset == 0) {
        lost++;
      }
      duplicated += Math.max(0, atHandset - 1);
      if (record != null) {
        List<String> statuses = FaultMatrixClient.statuses(record);
        duplicated += statuses.size() - new HashSet<>(statuses).size();
      }
    }
    return new Row(scenario, sent.size(), accepted, lost, duplicated, note);
  }

  private JsonNode awaitDelivered(String key, long deadline) throws Exception {
    while (System.nanoTime() < deadline) {
      JsonNode record = client.readQuietly("/api/messages/" + key);
      if (record != null && "delivered".equals(record.get("status").asString())) {
        return record;
      }
      Thread.sleep(100);
    }
    return null;
  }
}

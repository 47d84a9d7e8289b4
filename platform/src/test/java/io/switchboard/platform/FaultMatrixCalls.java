package io.switchboard.platform;

import io.switchboard.platform.FaultMatrixReport.Row;
import io.switchboard.voice.CallWorkflowIds;
import io.temporal.api.enums.v1.EventType;
import io.temporal.client.WorkflowClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/** Voice scenarios of the fault matrix: status callbacks under an outage, Updates in a crowd. */
final class FaultMatrixCalls {

  /** Something the drill stops and restarts under the running platform. */
  interface Outage {
    void stop() throws Exception;

    void restart() throws Exception;

    /** A step of an outage drill. */
    interface Step {
      void run() throws Exception;
    }

    static Outage of(Step stop, Step restart) {
      return new Outage() {
        @Override
        public void stop() throws Exception {
          stop.run();
        }

        @Override
        public void restart() throws Exception {
          restart.run();
        }
      };
    }
  }

  private static final Duration SETTLE = Duration.ofSeconds(60);

  private final FaultMatrixClient client;
  private final WorkflowClient workflows;

  FaultMatrixCalls(FaultMatrixClient client, WorkflowClient workflows) {
    this.client = client;
    this.workflows = workflows;
  }

  /** Calls whose sessions run and whose records exist, ready for their status callbacks. */
  List<String> start(int count) throws Exception {
    List<String> sids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String sid = FaultMatrixClient.callSid();
      HttpResponse<String> answer =
          client.webhook("/webhooks/voice", client.voiceParams(sid), null);
      if (!answer.body().contains("Welcome to Switchboard")) {
        throw new IllegalStateException("call did not start: " + answer.body());
      }
      sids.add(sid);
    }
    for (String sid : sids) {
      awaitStatus(sid, "in-progress", Duration.ofSeconds(20));
    }
    return sids;
  }

  /**
   * Posts each call's {@code completed} callback, a quarter before the outage, half during it and
   * the rest while the service restarts. A refused callback (503) is redelivered with the same
   * idempotency token, as Twilio redelivers; lost is a call whose record never shows completed,
   * duplicated a status recorded twice.
   */
  Row completeAll(String scenario, List<String> sids, Outage outage, String note) throws Exception {
    ExecutorService senders = Executors.newFixedThreadPool(sids.size());
    List<CompletableFuture<Boolean>> deliveries = new ArrayList<>();
    int before = sids.size() / 4;
    int during = sids.size() / 2;
    try {
      for (int i = 0; i < sids.size(); i++) {
        if (i == before) {
          outage.stop();
        }
        if (i == before + during) {
          outage.restart();
        }
        String sid = sids.get(i);
        deliveries.add(CompletableFuture.supplyAsync(() -> deliver(sid), senders));
        Thread.sleep(100);
      }
      int accepted = 0;
      for (CompletableFuture<Boolean> delivery : deliveries) {
        accepted += delivery.get(2, TimeUnit.MINUTES) ? 1 : 0;
      }
      return tally(scenario, sids, accepted, note);
    } finally {
      senders.shutdownNow();
    }
  }

  private Row tally(String scenario, List<String> sids, int accepted, String note)
      throws Exception {
    int lost = 0;
    int duplicated = 0;
    long deadline = System.nanoTime() + SETTLE.toNanos();
    for (String sid : sids) {
      JsonNode call = awaitStatus(sid, "completed", Duration.ofNanos(deadline - System.nanoTime()));
      if (call == null) {
        lost++;
        continue;
      }
      duplicated += Collections.frequency(FaultMatrixClient.statuses(call), "completed") - 1;
    }
    return new Row(scenario, sids.size(), accepted, lost, duplicated, note);
  }

  /**
   * Posts {@code distinct} menu choices on one call at once, each twice (a redelivery racing its
   * original): every choice must be answered by the session, and the session must have applied
   * exactly one Update per choice.
   */
  Row concurrentTurns(int distinct) throws Exception {
    String sid = start(1).get(0);
    ExecutorService crowd = Executors.newFixedThreadPool(distinct * 2);
    try {
      List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
      for (int i = 0; i < distinct * 2; i++) {
        String token = sid + "-turn-" + (i % distinct);
        answers.add(CompletableFuture.supplyAsync(() -> choose(sid, token), crowd));
      }
      int accepted = 0;
      for (CompletableFuture<HttpResponse<String>> answer : answers) {
        HttpResponse<String> response = answer.get(1, TimeUnit.MINUTES);
        if (response.statusCode() == 200 && response.body().contains("published as data")) {
          accepted++;
        }
      }
      long updates =
          workflows.fetchHistory(CallWorkflowIds.call(sid)).getEvents().stream()
              .filter(
                  e -> e.getEventType() == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED)
              .count();
      long turns = updates - 1; // The first webhook's answer was an Update too.
      return new Row(
          "more than ten concurrent Updates on one call",
          distinct * 2,
          accepted,
          (int) Math.max(0, distinct - turns) + (distinct * 2 - accepted),
          (int) Math.max(0, turns - distinct),
          distinct + " menu choices posted at once, each also redelivered at once");
    } finally {
      crowd.shutdownNow();
    }
  }

  private HttpResponse<String> choose(String sid, String token) {
    try {
      var params = client.voiceParams(sid);
      params.put("CallStatus", "in-progress");
      params.put("Digits", "1");
      return client.webhook("/webhooks/voice/main", params, token);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private boolean deliver(String sid) {
    long deadline = System.nanoTime() + SETTLE.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        HttpResponse<String> response =
            client.webhook(
                "/webhooks/status", client.statusParams(sid, "completed", 3), sid + "-completed");
        if (response.statusCode() == 200) {
          return true;
        }
      } catch (java.io.IOException e) {
        // Connection trouble is a failed delivery; Twilio would try again, so do we.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
      sleep(200);
    }
    return false;
  }

  private JsonNode awaitStatus(String sid, String status, Duration within) throws Exception {
    long deadline = System.nanoTime() + within.toNanos();
    do {
      JsonNode call = client.readQuietly("/api/calls/" + sid);
      if (call != null && status.equals(call.get("status").asString())) {
        return call;
      }
      Thread.sleep(100);
    } while (System.nanoTime() < deadline);
    return null;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

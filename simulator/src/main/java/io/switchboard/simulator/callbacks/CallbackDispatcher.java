package io.switchboard.simulator.callbacks;

import io.switchboard.simulator.SimulatorProperties;
import io.switchboard.simulator.SimulatorState;
import io.switchboard.simulator.faults.FaultRegistry;
import io.switchboard.simulator.faults.FaultType;
import io.switchboard.simulator.webhook.SignedWebhookClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends status, recording and transcription callbacks signed with the auth token, with an
 * idempotency token per (resource, status), and with the callback faults in force. Blocks while
 * sending: lifecycles call it from their own threads, one resource's callbacks in order.
 */
@Component
public class CallbackDispatcher implements SimulatorState {

  private static final Logger log = LoggerFactory.getLogger(CallbackDispatcher.class);

  private final SignedWebhookClient client;
  private final FaultRegistry faults;
  private final Map<String, List<Callback>> heldBack = new ConcurrentHashMap<>();

  public CallbackDispatcher(SimulatorProperties account, FaultRegistry faults) {
    this.client = new SignedWebhookClient(account.authToken());
    this.faults = faults;
  }

  public void send(Callback callback) {
    if (callback.url() == null || callback.url().isBlank()) {
      return;
    }
    if (faults
        .strike(FaultType.MISSING_CALLBACKS, callback.numbers(), callback.status())
        .isPresent()) {
      return;
    }
    List<Callback> held = heldBack.get(callback.resourceSid());
    if (held == null
        && faults.strike(FaultType.OUT_OF_ORDER_CALLBACKS, callback.numbers()).isPresent()) {
      held = heldBack.computeIfAbsent(callback.resourceSid(), sid -> new ArrayList<>());
    }
    if (held == null) {
      deliver(callback);
      return;
    }
    held.add(callback);
    if (callback.last()) {
      heldBack.remove(callback.resourceSid());
      List<Callback> reversed = new ArrayList<>(held);
      Collections.reverse(reversed);
      reversed.forEach(this::deliver);
    }
  }

  /**
   * The resource will send no more callbacks (its last one was filtered out): callbacks held back
   * for it go now, newest first, rather than never.
   */
  public void release(String resourceSid) {
    List<Callback> held = heldBack.remove(resourceSid);
    if (held != null) {
      List<Callback> reversed = new ArrayList<>(held);
      Collections.reverse(reversed);
      reversed.forEach(this::deliver);
    }
  }

  private void deliver(Callback callback) {
    String token = token(callback);
    sendOnce(callback, token);
    if (faults
        .strike(FaultType.DUPLICATE_CALLBACKS, callback.numbers(), callback.status())
        .isPresent()) {
      sendOnce(callback, token);
    }
  }

  private void sendOnce(Callback callback, String token) {
    try {
      SignedWebhookClient.Response response =
          "GET".equalsIgnoreCase(callback.method())
              ? client.get(callback.url(), callback.parameters(), token)
              : client.post(callback.url(), callback.parameters(), token);
      if (response.status() >= 400) {
        log.info(
            "callback for {} ({}) answered HTTP {}",
            callback.resourceSid(),
            callback.status(),
            response.status());
      }
    } catch (SignedWebhookClient.WebhookFailedException e) {
      // Twilio logs a failed callback (error 11200) and carries on with the resource's lifecycle.
      log.info(
          "callback for {} ({}) failed: {}",
          callback.resourceSid(),
          callback.status(),
          e.getMessage());
    }
  }

  /** The same (resource, status, URL) always gets the same token, as Twilio's retries do. */
  private static String token(Callback callback) {
    String key = callback.resourceSid() + "|" + callback.status() + "|" + callback.url();
    return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
  }

  @Override
  public void reset() {
    heldBack.clear();
  }
}

package io.switchboard.simulator.messaging;

import io.switchboard.simulator.LifecycleProperties;
import io.switchboard.simulator.callbacks.Callback;
import io.switchboard.simulator.callbacks.CallbackDispatcher;
import io.switchboard.simulator.callbacks.SimulatorExecutor;
import io.switchboard.simulator.faults.FaultRegistry;
import io.switchboard.simulator.faults.FaultRule;
import io.switchboard.simulator.faults.FaultType;
import io.switchboard.simulator.handsets.HandsetInbox;
import io.switchboard.simulator.handsets.HandsetMessage;
import io.switchboard.simulator.rest.Accounts;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Moves a message through Twilio's outbound statuses, queued → sending → sent → delivered (or
 * undelivered, or failed, when a DELIVERY_FAILURE fault says so), with a status callback at each
 * change.
 */
@Component
class MessageLifecycle {

  private static final DateTimeFormatter DLR_DATE =
      DateTimeFormatter.ofPattern("yyMMddHHmm").withZone(ZoneOffset.UTC);

  private final MessageStore store;
  private final CallbackDispatcher callbacks;
  private final SimulatorExecutor executor;
  private final FaultRegistry faults;
  private final HandsetInbox handsets;
  private final Accounts accounts;
  private final Duration step;

  MessageLifecycle(
      MessageStore store,
      CallbackDispatcher callbacks,
      SimulatorExecutor executor,
      FaultRegistry faults,
      HandsetInbox handsets,
      Accounts accounts,
      LifecycleProperties properties) {
    this.store = store;
    this.callbacks = callbacks;
    this.executor = executor;
    this.faults = faults;
    this.handsets = handsets;
    this.accounts = accounts;
    this.step = properties.messageStep();
  }

  /**
   * Starts a message just created, off the request thread: queued (from accepted or scheduled),
   * then the next statuses a step apart. Twilio sends a callback for each status change after
   * creation, never for the status a message is created with ("Outbound Message Status in Status
   * Callbacks"). A scheduled message waits for its SendAt.
   */
  void start(SimMessage message) {
    Deque<Step> steps = plan(message);
    steps.addFirst(new Step("queued", null, null));
    Duration wait = Duration.ZERO;
    if ("scheduled".equals(message.status())) {
      wait = Duration.between(Instant.now(), message.sendAt);
    }
    executor.schedule(() -> next(message, steps), wait.isNegative() ? Duration.ZERO : wait);
  }

  private Deque<Step> plan(SimMessage message) {
    Set<String> numbers = numbers(message);
    Optional<FaultRule> failure = faults.strike(FaultType.DELIVERY_FAILURE, numbers);
    if (failure.isEmpty()) {
      return new ArrayDeque<>(
          List.of(new Step("sending", null, null), new Step("sent", null, null), delivered()));
    }
    FaultRule rule = failure.get();
    if ("failed".equals(rule.status())) {
      int code = rule.errorCode() == null ? 30008 : rule.errorCode();
      return new ArrayDeque<>(List.of(new Step("failed", code, "Unknown error")));
    }
    int code = rule.errorCode() == null ? 30003 : rule.errorCode();
    return new ArrayDeque<>(
        List.of(
            new Step("sending", null, null),
            new Step("sent", null, null),
            new Step("undelivered", code, "Unreachable destination handset")));
  }

  private static Step delivered() {
    return new Step("delivered", null, null);
  }

  private void next(SimMessage message, Deque<Step> steps) {
    Step current = steps.poll();
    if (current == null || store.find(message.sid).isEmpty()) {
      return;
    }
    boolean changed = !current.status().equals(message.status());
    if (!message.advance(current.status(), current.errorCode(), current.errorMessage())) {
      return;
    }
    if ("delivered".equals(current.status())) {
      handsets.received(
          message.to,
          new HandsetMessage(
              message.sid, message.from, message.body(), message.mediaUrls, Instant.now()));
    }
    if (changed) {
      report(message, steps.isEmpty());
    }
    if (!steps.isEmpty()) {
      executor.schedule(() -> next(message, steps), step);
    }
  }

  /** A scheduled message was canceled: that is a status change, so it is reported. */
  void canceled(SimMessage message) {
    executor.schedule(() -> report(message, true), Duration.ZERO);
  }

  private void report(SimMessage message, boolean last) {
    callbacks.send(
        new Callback(
            message.sid,
            numbers(message),
            message.statusCallback,
            "POST",
            parameters(message),
            message.status(),
            last));
  }

  private Map<String, String> parameters(SimMessage message) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("AccountSid", accounts.sid());
    params.put("ApiVersion", "2010-04-01");
    params.put("MessageSid", message.sid);
    params.put("SmsSid", message.sid);
    params.put("MessageStatus", message.status());
    params.put("SmsStatus", message.status());
    if (message.from != null) {
      params.put("From", message.from);
    }
    params.put("To", message.to);
    if (message.messagingServiceSid != null) {
      params.put("MessagingServiceSid", message.messagingServiceSid);
    }
    if (message.errorCode() != null) {
      params.put("ErrorCode", String.valueOf(message.errorCode()));
    }
    if (Set.of("delivered", "undelivered").contains(message.status())) {
      params.put("RawDlrDoneDate", DLR_DATE.format(message.dateUpdated()));
    }
    return params;
  }

  private static Set<String> numbers(SimMessage message) {
    return message.from == null ? Set.of(message.to) : Set.of(message.to, message.from);
  }

  private record Step(String status, Integer errorCode, String errorMessage) {}
}

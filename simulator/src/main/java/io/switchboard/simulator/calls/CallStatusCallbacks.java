package io.switchboard.simulator.calls;

import io.switchboard.simulator.callbacks.Callback;
import io.switchboard.simulator.callbacks.CallbackDispatcher;
import io.switchboard.simulator.rest.Accounts;
import io.switchboard.simulator.rest.TwilioDates;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * A call's status callbacks as Twilio sends them: only for the StatusCallbackEvents asked for
 * ({@code completed} alone by default), numbered by SequenceNumber from 0, with CallDuration at the
 * end and AnsweredBy when machine detection was asked for.
 */
@Component
class CallStatusCallbacks {

  private final CallbackDispatcher dispatcher;
  private final Accounts accounts;

  CallStatusCallbacks(CallbackDispatcher dispatcher, Accounts accounts) {
    this.dispatcher = dispatcher;
    this.accounts = accounts;
  }

  /**
   * @param event the StatusCallbackEvent ({@code initiated}, {@code ringing}, {@code answered},
   *     {@code completed})
   * @param callStatus the CallStatus reported
   */
  void report(SimCall call, String event, String callStatus) {
    if (call.statusCallback == null) {
      return;
    }
    if (!call.events.contains(event)) {
      if (event.equals("completed")) {
        dispatcher.release(call.sid);
      }
      return;
    }
    Map<String, String> params = new LinkedHashMap<>();
    params.put("AccountSid", accounts.sid());
    params.put("ApiVersion", "2010-04-01");
    params.put("CallSid", call.sid);
    params.put("CallStatus", callStatus);
    params.put("Direction", "outbound-api");
    params.put("From", call.from);
    params.put("Caller", call.from);
    params.put("To", call.to);
    params.put("Called", call.to);
    params.put("CallbackSource", "call-progress-events");
    params.put("Timestamp", TwilioDates.rfc2822(Instant.now()));
    params.put("SequenceNumber", String.valueOf(call.nextCallbackSequence()));
    if (call.answeredBy() != null) {
      params.put("AnsweredBy", call.answeredBy());
    }
    if (event.equals("completed")) {
      Integer duration = call.duration();
      params.put("CallDuration", String.valueOf(duration == null ? 0 : duration));
    }
    dispatcher.send(
        new Callback(
            call.sid,
            Set.of(call.to, call.from),
            call.statusCallback,
            call.statusCallbackMethod,
            params,
            callStatus,
            event.equals("completed")));
  }
}

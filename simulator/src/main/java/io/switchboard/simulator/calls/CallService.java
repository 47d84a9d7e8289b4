package io.switchboard.simulator.calls;

import io.switchboard.simulator.magic.MagicNumbers;
import io.switchboard.simulator.rest.Accounts;
import io.switchboard.simulator.rest.Form;
import io.switchboard.simulator.rest.Sids;
import io.switchboard.simulator.rest.TwilioApiException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** Creates and updates calls, refusing what Twilio refuses, with Twilio's error codes. */
@Component
class CallService {

  private static final Pattern PHONE = Pattern.compile("^\\+[1-9]\\d{6,14}$");
  private static final Pattern ENDPOINT = Pattern.compile("^(client|sip|sim):.+$");

  private final CallStore store;
  private final CallLifecycle lifecycle;
  private final Accounts accounts;

  CallService(CallStore store, CallLifecycle lifecycle, Accounts accounts) {
    this.store = store;
    this.lifecycle = lifecycle;
    this.accounts = accounts;
  }

  /** Creates a call and starts its lifecycle; answers the call as it was created. */
  Map<String, Object> create(Form form) {
    String to = form.required("To", 21201, "No 'To' number is specified");
    String from = form.required("From", 21213, "No 'From' number is specified");
    String url = form.get("Url");
    String twiml = form.get("Twiml");
    if (url == null && twiml == null) {
      throw TwilioApiException.badRequest(21205, "Url parameter is required.");
    }
    MagicNumbers.checkCall(from, to);
    if (!PHONE.matcher(to).matches() && !ENDPOINT.matcher(to).matches()) {
      throw TwilioApiException.badRequest(21217, "Phone number does not appear to be valid");
    }
    if (!PHONE.matcher(from).matches() && !ENDPOINT.matcher(from).matches()) {
      throw TwilioApiException.badRequest(21212, "Invalid From Number (caller ID): " + from);
    }
    CallRequest request =
        new CallRequest(
            Sids.next("CA"),
            from,
            to,
            url,
            method(form, "Method"),
            twiml,
            form.get("FallbackUrl"),
            method(form, "FallbackMethod"),
            form.get("StatusCallback"),
            method(form, "StatusCallbackMethod"),
            events(form.all("StatusCallbackEvent"), Set.of("completed")),
            form.get("MachineDetection"),
            timeout(form),
            form.bool("Record"),
            form.get("RecordingStatusCallback"),
            method(form, "RecordingStatusCallbackMethod"),
            events(form.all("RecordingStatusCallbackEvent"), Set.of("completed")));
    SimCall call = new SimCall(request, store.nextSequence());
    store.save(call);
    Map<String, Object> created = CallJson.of(call, accounts.sid());
    lifecycle.start(call);
    return created;
  }

  /** Status=completed/canceled hangs up; Url or Twiml gives an in-progress call new TwiML. */
  void update(SimCall call, Form form) {
    String status = form.get("Status");
    if (status != null) {
      hangUp(call, status);
      return;
    }
    String url = form.get("Url");
    String twiml = form.get("Twiml");
    if (url == null && twiml == null) {
      return;
    }
    if (call.ended()) {
      throw TwilioApiException.badRequest(21220, "Call is not in-progress. Cannot redirect.");
    }
    int generation =
        call.redirect(
            twiml == null ? url : null,
            method(form, "Method"),
            twiml,
            form.get("FallbackUrl"),
            method(form, "FallbackMethod"));
    if ("in-progress".equals(call.status())) {
      lifecycle.runFlow(call, generation);
    }
  }

  /**
   * Twilio cancels a call that is queued or ringing (canceling an answered call does nothing) and
   * completes an answered one; completing a call not yet answered cancels it.
   */
  private void hangUp(SimCall call, String status) {
    boolean answered = "in-progress".equals(call.status());
    if ("completed".equals(status)) {
      lifecycle.end(call, answered ? "completed" : "canceled", null);
    } else if ("canceled".equals(status) && !answered) {
      lifecycle.end(call, "canceled", 0);
    } else if (!"canceled".equals(status)) {
      throw TwilioApiException.badRequest(20001, "Status must be one of completed or canceled");
    }
  }

  /** How long to let the call ring: Twilio's default is 60 s, its range 5 to 600 s. */
  private static int timeout(Form form) {
    return Math.max(5, Math.min(600, form.integer("Timeout", 60)));
  }

  private static String method(Form form, String name) {
    String method = form.get(name, "POST").toUpperCase();
    if (!method.equals("GET") && !method.equals("POST")) {
      throw TwilioApiException.badRequest(21207, "Invalid " + name + ": " + method);
    }
    return method;
  }

  /** Twilio takes repeated values or one value with spaces between them. */
  private static Set<String> events(List<String> values, Set<String> fallback) {
    Set<String> events = new LinkedHashSet<>();
    values.forEach(v -> events.addAll(Arrays.asList(v.trim().split("\\s+"))));
    events.remove("");
    return events.isEmpty() ? fallback : Set.copyOf(events);
  }
}

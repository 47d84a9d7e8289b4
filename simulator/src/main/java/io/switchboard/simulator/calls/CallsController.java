package io.switchboard.simulator.calls;

import static io.switchboard.simulator.rest.TwilioOperation.CREATE_CALL;
import static io.switchboard.simulator.rest.TwilioOperation.FETCH_CALL;
import static io.switchboard.simulator.rest.TwilioOperation.LIST_CALLS;
import static io.switchboard.simulator.rest.TwilioOperation.UPDATE_CALL;

import io.switchboard.simulator.rest.Accounts;
import io.switchboard.simulator.rest.Form;
import io.switchboard.simulator.rest.Paging;
import io.switchboard.simulator.rest.TwilioApiException;
import io.switchboard.simulator.rest.TwilioAuthFilter;
import io.switchboard.simulator.rest.TwilioJson;
import io.switchboard.simulator.rest.TwilioResource;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Twilio's Calls resource: create, fetch, list, update (redirect or hang up). */
@RestController
@TwilioResource
class CallsController {

  private static final String LIST =
      TwilioAuthFilter.PREFIX + "/2010-04-01/Accounts/{accountSid}/Calls.json";
  private static final String ONE =
      TwilioAuthFilter.PREFIX + "/2010-04-01/Accounts/{accountSid}/Calls/{sid}.json";

  private final CallService service;
  private final CallStore store;
  private final Accounts accounts;

  CallsController(CallService service, CallStore store, Accounts accounts) {
    this.service = service;
    this.store = store;
    this.accounts = accounts;
  }

  @PostMapping(LIST)
  ResponseEntity<String> create(@PathVariable String accountSid, HttpServletRequest request) {
    accounts.check(accountSid, "/2010-04-01/Accounts/" + accountSid + "/Calls.json");
    return TwilioJson.created(service.create(Form.of(CREATE_CALL, request)));
  }

  @GetMapping(LIST)
  ResponseEntity<String> list(@PathVariable String accountSid, HttpServletRequest request) {
    accounts.check(accountSid, "/2010-04-01/Accounts/" + accountSid + "/Calls.json");
    Form form = Form.of(LIST_CALLS, request);
    String to = form.get("To");
    String from = form.get("From");
    String status = form.get("Status");
    List<Map<String, Object>> items =
        store.list().stream()
            .filter(c -> to == null || to.equals(c.to))
            .filter(c -> from == null || from.equals(c.from))
            .filter(c -> status == null || status.equals(c.status()))
            .map(c -> CallJson.of(c, accounts.sid()))
            .toList();
    return TwilioJson.ok(Paging.v2010(accounts.base() + "/Calls.json", "calls", items, form));
  }

  @GetMapping(ONE)
  ResponseEntity<String> fetch(
      @PathVariable String accountSid, @PathVariable String sid, HttpServletRequest request) {
    Form.of(FETCH_CALL, request);
    return TwilioJson.ok(CallJson.of(find(accountSid, sid), accounts.sid()));
  }

  @PostMapping(ONE)
  ResponseEntity<String> update(
      @PathVariable String accountSid, @PathVariable String sid, HttpServletRequest request) {
    SimCall call = find(accountSid, sid);
    service.update(call, Form.of(UPDATE_CALL, request));
    return TwilioJson.ok(CallJson.of(call, accounts.sid()));
  }

  private SimCall find(String accountSid, String sid) {
    String path = "/2010-04-01/Accounts/" + accountSid + "/Calls/" + sid + ".json";
    accounts.check(accountSid, path);
    return store.find(sid).orElseThrow(() -> TwilioApiException.notFound(path));
  }
}

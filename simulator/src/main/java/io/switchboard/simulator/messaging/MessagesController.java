package io.switchboard.simulator.messaging;

import static io.switchboard.simulator.rest.TwilioOperation.CREATE_MESSAGE;
import static io.switchboard.simulator.rest.TwilioOperation.FETCH_MESSAGE;
import static io.switchboard.simulator.rest.TwilioOperation.LIST_MESSAGES;
import static io.switchboard.simulator.rest.TwilioOperation.UPDATE_MESSAGE;

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
import java.util.Objects;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Twilio's Messages resource: create, fetch, list, and cancel a scheduled message. */
@RestController
@TwilioResource
class MessagesController {

  private static final String LIST =
      TwilioAuthFilter.PREFIX + "/2010-04-01/Accounts/{accountSid}/Messages.json";
  private static final String ONE =
      TwilioAuthFilter.PREFIX + "/2010-04-01/Accounts/{accountSid}/Messages/{sid}.json";

  private final MessageService service;
  private final MessageStore store;
  private final Accounts accounts;

  MessagesController(MessageService service, MessageStore store, Accounts accounts) {
    this.service = service;
    this.store = store;
    this.accounts = accounts;
  }

  @PostMapping(LIST)
  ResponseEntity<String> create(@PathVariable String accountSid, HttpServletRequest request) {
    accounts.check(accountSid, listPath(accountSid));
    return TwilioJson.created(service.create(Form.of(CREATE_MESSAGE, request)));
  }

  @GetMapping(LIST)
  ResponseEntity<String> list(@PathVariable String accountSid, HttpServletRequest request) {
    accounts.check(accountSid, listPath(accountSid));
    Form form = Form.of(LIST_MESSAGES, request);
    String to = form.get("To");
    String from = form.get("From");
    List<Map<String, Object>> items =
        store.list().stream()
            .filter(m -> to == null || to.equals(m.to))
            .filter(m -> from == null || Objects.equals(from, m.from))
            .map(m -> MessageJson.of(m, accounts.sid()))
            .toList();
    return TwilioJson.ok(Paging.v2010(accounts.base() + "/Messages.json", "messages", items, form));
  }

  @GetMapping(ONE)
  ResponseEntity<String> fetch(
      @PathVariable String accountSid, @PathVariable String sid, HttpServletRequest request) {
    Form.of(FETCH_MESSAGE, request);
    return TwilioJson.ok(MessageJson.of(find(accountSid, sid), accounts.sid()));
  }

  @PostMapping(ONE)
  ResponseEntity<String> update(
      @PathVariable String accountSid, @PathVariable String sid, HttpServletRequest request) {
    SimMessage message = find(accountSid, sid);
    Form form = Form.of(UPDATE_MESSAGE, request);
    String status = form.get("Status");
    List<String> body = form.all("Body");
    // Twilio takes either a cancellation or a redaction, one at a time (error 30400 otherwise).
    if ((status == null) == body.isEmpty()) {
      throw TwilioApiException.badRequest(30400, "Parameters are not valid");
    }
    if (status != null) {
      if (!"canceled".equals(status)) {
        throw TwilioApiException.badRequest(30400, "Parameters are not valid");
      }
      service.cancel(message);
    } else {
      service.redact(message, body.get(0));
    }
    return TwilioJson.ok(MessageJson.of(message, accounts.sid()));
  }

  private SimMessage find(String accountSid, String sid) {
    String path = "/2010-04-01/Accounts/" + accountSid + "/Messages/" + sid + ".json";
    accounts.check(accountSid, path);
    return store.find(sid).orElseThrow(() -> TwilioApiException.notFound(path));
  }

  private static String listPath(String accountSid) {
    return "/2010-04-01/Accounts/" + accountSid + "/Messages.json";
  }
}

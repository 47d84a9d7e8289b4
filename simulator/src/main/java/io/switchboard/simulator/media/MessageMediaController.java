package io.switchboard.simulator.media;

import static io.switchboard.simulator.rest.TwilioOperation.DELETE_MEDIA;
import static io.switchboard.simulator.rest.TwilioOperation.FETCH_MEDIA;
import static io.switchboard.simulator.rest.TwilioOperation.LIST_MEDIA;

import io.switchboard.simulator.rest.Accounts;
import io.switchboard.simulator.rest.Form;
import io.switchboard.simulator.rest.Paging;
import io.switchboard.simulator.rest.TwilioApiException;
import io.switchboard.simulator.rest.TwilioAuthFilter;
import io.switchboard.simulator.rest.TwilioDates;
import io.switchboard.simulator.rest.TwilioJson;
import io.switchboard.simulator.rest.TwilioResource;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Twilio's Media subresource of a message: the content (no extension, served with the type it was
 * received with, as Twilio does before redirecting to its CDN), its JSON, the list, and delete.
 */
@RestController
@TwilioResource
class MessageMediaController {

  private static final String MESSAGE =
      TwilioAuthFilter.PREFIX + "/2010-04-01/Accounts/{accountSid}/Messages/{messageSid}";
  private static final String ONE = MESSAGE + "/Media/{sid}";

  private final MessageMediaStore store;
  private final Accounts accounts;

  MessageMediaController(MessageMediaStore store, Accounts accounts) {
    this.store = store;
    this.accounts = accounts;
  }

  @GetMapping(ONE)
  ResponseEntity<byte[]> content(
      @PathVariable String accountSid, @PathVariable String messageSid, @PathVariable String sid) {
    SimMedia media = find(accountSid, messageSid, sid, "");
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(media.contentType))
        .body(media.content());
  }

  @GetMapping(ONE + ".json")
  ResponseEntity<String> fetch(
      @PathVariable String accountSid,
      @PathVariable String messageSid,
      @PathVariable String sid,
      HttpServletRequest request) {
    Form.of(FETCH_MEDIA, request);
    return TwilioJson.ok(json(find(accountSid, messageSid, sid, ".json")));
  }

  @GetMapping(MESSAGE + "/Media.json")
  ResponseEntity<String> list(
      @PathVariable String accountSid,
      @PathVariable String messageSid,
      HttpServletRequest request) {
    String path = base(accountSid, messageSid) + "/Media.json";
    accounts.check(accountSid, path);
    Form form = Form.of(LIST_MEDIA, request);
    List<Map<String, Object>> items = store.ofMessage(messageSid).stream().map(this::json).toList();
    return TwilioJson.ok(Paging.v2010(path, "media_list", items, form));
  }

  @DeleteMapping(ONE + ".json")
  ResponseEntity<Void> delete(
      @PathVariable String accountSid,
      @PathVariable String messageSid,
      @PathVariable String sid,
      HttpServletRequest request) {
    Form.of(DELETE_MEDIA, request);
    SimMedia media = find(accountSid, messageSid, sid, ".json");
    media.dateDeleted = java.time.Instant.now();
    return ResponseEntity.noContent().build();
  }

  private SimMedia find(String accountSid, String messageSid, String sid, String extension) {
    String path = base(accountSid, messageSid) + "/Media/" + sid + extension;
    accounts.check(accountSid, path);
    return store.find(messageSid, sid).orElseThrow(() -> TwilioApiException.notFound(path));
  }

  private Map<String, Object> json(SimMedia media) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("account_sid", accounts.sid());
    json.put("content_type", media.contentType);
    json.put("date_created", TwilioDates.rfc2822(media.dateCreated));
    json.put("date_updated", TwilioDates.rfc2822(media.dateCreated));
    json.put("parent_sid", media.messageSid);
    json.put("sid", media.sid);
    json.put("uri", base(accounts.sid(), media.messageSid) + "/Media/" + media.sid + ".json");
    return json;
  }

  private static String base(String accountSid, String messageSid) {
    return "/2010-04-01/Accounts/" + accountSid + "/Messages/" + messageSid;
  }
}

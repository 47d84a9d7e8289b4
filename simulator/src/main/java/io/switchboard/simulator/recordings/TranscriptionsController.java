package io.switchboard.simulator.recordings;

import static io.switchboard.simulator.rest.TwilioOperation.FETCH_TRANSCRIPTION;

import io.switchboard.simulator.rest.Accounts;
import io.switchboard.simulator.rest.Form;
import io.switchboard.simulator.rest.TwilioApiException;
import io.switchboard.simulator.rest.TwilioAuthFilter;
import io.switchboard.simulator.rest.TwilioDates;
import io.switchboard.simulator.rest.TwilioJson;
import io.switchboard.simulator.rest.TwilioResource;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Twilio's Transcriptions resource: fetch ({@code api.v2010.account.transcription}). */
@RestController
@TwilioResource
class TranscriptionsController {

  private final TranscriptionService service;
  private final Accounts accounts;

  TranscriptionsController(TranscriptionService service, Accounts accounts) {
    this.service = service;
    this.accounts = accounts;
  }

  @GetMapping(
      TwilioAuthFilter.PREFIX + "/2010-04-01/Accounts/{accountSid}/Transcriptions/{sid}.json")
  ResponseEntity<String> fetch(
      @PathVariable String accountSid, @PathVariable String sid, HttpServletRequest request) {
    Form.of(FETCH_TRANSCRIPTION, request);
    String path = "/2010-04-01/Accounts/" + accountSid + "/Transcriptions/" + sid + ".json";
    accounts.check(accountSid, path);
    SimTranscription t = service.find(sid).orElseThrow(() -> TwilioApiException.notFound(path));
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("account_sid", accounts.sid());
    json.put("api_version", "2010-04-01");
    json.put("date_created", TwilioDates.rfc2822(t.created()));
    json.put("date_updated", TwilioDates.rfc2822(t.created()));
    json.put("duration", String.valueOf(t.duration()));
    json.put("price", null);
    json.put("price_unit", "USD");
    json.put("recording_sid", t.recordingSid());
    json.put("sid", t.sid());
    json.put("status", "completed");
    json.put("transcription_text", t.text());
    json.put("type", "fast");
    json.put("uri", accounts.base() + "/Transcriptions/" + t.sid() + ".json");
    return TwilioJson.ok(json);
  }
}

package io.switchboard.simulator.recordings;

import static io.switchboard.simulator.rest.TwilioOperation.CREATE_CALL_RECORDING;
import static io.switchboard.simulator.rest.TwilioOperation.FETCH_CALL_RECORDING;
import static io.switchboard.simulator.rest.TwilioOperation.LIST_CALL_RECORDINGS;
import static io.switchboard.simulator.rest.TwilioOperation.UPDATE_CALL_RECORDING;

import io.switchboard.simulator.rest.Accounts;
import io.switchboard.simulator.rest.Form;
import io.switchboard.simulator.rest.Paging;
import io.switchboard.simulator.rest.TwilioApiException;
import io.switchboard.simulator.rest.TwilioAuthFilter;
import io.switchboard.simulator.rest.TwilioJson;
import io.switchboard.simulator.rest.TwilioResource;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Twilio's call Recordings: start recording a live call, pause, resume, stop, fetch, list. */
@RestController
@TwilioResource
class CallRecordingsController {

  private static final String BASE =
      TwilioAuthFilter.PREFIX + "/2010-04-01/Accounts/{accountSid}/Calls/{callSid}";

  private final RecordingService service;
  private final RecordingStore store;
  private final LiveCalls calls;
  private final Accounts accounts;

  CallRecordingsController(
      RecordingService service, RecordingStore store, LiveCalls calls, Accounts accounts) {
    this.service = service;
    this.store = store;
    this.calls = calls;
    this.accounts = accounts;
  }

  @PostMapping(BASE + "/Recordings.json")
  ResponseEntity<String> start(
      @PathVariable String accountSid, @PathVariable String callSid, HttpServletRequest request) {
    accounts.check(accountSid, path(accountSid, callSid, ""));
    Form form = Form.of(CREATE_CALL_RECORDING, request);
    String status = calls.status(callSid);
    if (status == null) {
      throw TwilioApiException.notFound(path(accountSid, callSid, ""));
    }
    if (!"in-progress".equals(status)) {
      throw TwilioApiException.badRequest(
          21220, "Requested resource is not eligible for recording");
    }
    String channels = form.get("RecordingChannels", "mono");
    String sid =
        service.start(
            callSid,
            "StartCallRecordingAPI",
            "dual".equals(channels) ? 2 : 1,
            form.get("RecordingTrack", "both"),
            new RecordingService.Target(
                form.get("RecordingStatusCallback"),
                form.get("RecordingStatusCallbackMethod"),
                events(form)));
    return TwilioJson.created(
        RecordingJson.underCall(store.find(sid).orElseThrow(), accounts.sid()));
  }

  @PostMapping(BASE + "/Recordings/{sid}.json")
  ResponseEntity<String> update(
      @PathVariable String accountSid,
      @PathVariable String callSid,
      @PathVariable String sid,
      HttpServletRequest request) {
    SimRecording recording = find(accountSid, callSid, sid);
    Form form = Form.of(UPDATE_CALL_RECORDING, request);
    String status = form.required("Status", 21220, "Status is required");
    if (!recording.recording()) {
      throw TwilioApiException.badRequest(21220, "Recording is not in progress");
    }
    switch (status) {
      case "paused" -> recording.pause();
      case "in-progress" -> recording.resume();
      case "stopped" -> recording.stop();
      default ->
          throw TwilioApiException.badRequest(
              21220, "Status must be one of paused, in-progress or stopped");
    }
    // Answer the stopped state before processing (immediate when delays are zero) completes it.
    var answer = RecordingJson.underCall(recording, accounts.sid());
    if ("stopped".equals(status)) {
      service.completeLater(recording);
    }
    return TwilioJson.ok(answer);
  }

  @GetMapping(BASE + "/Recordings/{sid}.json")
  ResponseEntity<String> fetch(
      @PathVariable String accountSid,
      @PathVariable String callSid,
      @PathVariable String sid,
      HttpServletRequest request) {
    Form.of(FETCH_CALL_RECORDING, request);
    return TwilioJson.ok(RecordingJson.underCall(find(accountSid, callSid, sid), accounts.sid()));
  }

  @GetMapping(BASE + "/Recordings.json")
  ResponseEntity<String> list(
      @PathVariable String accountSid, @PathVariable String callSid, HttpServletRequest request) {
    accounts.check(accountSid, path(accountSid, callSid, ""));
    Form form = Form.of(LIST_CALL_RECORDINGS, request);
    var items =
        store.ofCall(callSid).stream()
            .filter(r -> !"deleted".equals(r.status()))
            .map(r -> RecordingJson.underCall(r, accounts.sid()))
            .toList();
    return TwilioJson.ok(
        Paging.v2010(
            accounts.base() + "/Calls/" + callSid + "/Recordings.json", "recordings", items, form));
  }

  private SimRecording find(String accountSid, String callSid, String sid) {
    String path = path(accountSid, callSid, "/" + sid);
    accounts.check(accountSid, path);
    return store
        .find(sid)
        .filter(r -> r.callSid.equals(callSid) && !"deleted".equals(r.status()))
        .orElseThrow(() -> TwilioApiException.notFound(path));
  }

  private static String path(String accountSid, String callSid, String tail) {
    return "/2010-04-01/Accounts/"
        + accountSid
        + "/Calls/"
        + callSid
        + "/Recordings"
        + tail
        + ".json";
  }

  private static Set<String> events(Form form) {
    Set<String> events = new HashSet<>();
    form.all("RecordingStatusCallbackEvent")
        .forEach(v -> events.addAll(Arrays.asList(v.trim().split("\\s+"))));
    events.remove("");
    return events;
  }
}

package io.switchboard.simulator.recordings;

import static io.switchboard.simulator.rest.TwilioOperation.DELETE_RECORDING;
import static io.switchboard.simulator.rest.TwilioOperation.FETCH_RECORDING;

import io.switchboard.simulator.rest.Accounts;
import io.switchboard.simulator.rest.Form;
import io.switchboard.simulator.rest.TwilioApiException;
import io.switchboard.simulator.rest.TwilioAuthFilter;
import io.switchboard.simulator.rest.TwilioJson;
import io.switchboard.simulator.rest.TwilioResource;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Twilio's Recordings: fetch, delete, and the media. The media is a real WAV ({@code .wav}, or no
 * extension, as Twilio serves); the simulator cannot encode MP3 and says so with 415.
 */
@RestController
@TwilioResource
class RecordingsController {

  private static final String BASE =
      TwilioAuthFilter.PREFIX + "/2010-04-01/Accounts/{accountSid}/Recordings/{sid}";

  private final RecordingStore store;
  private final Accounts accounts;

  RecordingsController(RecordingStore store, Accounts accounts) {
    this.store = store;
    this.accounts = accounts;
  }

  @GetMapping(BASE + ".json")
  ResponseEntity<String> fetch(
      @PathVariable String accountSid, @PathVariable String sid, HttpServletRequest request) {
    boolean includeDeleted = Form.of(FETCH_RECORDING, request).bool("IncludeSoftDeleted");
    SimRecording recording = find(accountSid, sid, ".json", includeDeleted);
    return TwilioJson.ok(RecordingJson.standalone(recording, accounts.sid()));
  }

  @DeleteMapping(BASE + ".json")
  ResponseEntity<Void> delete(
      @PathVariable String accountSid, @PathVariable String sid, HttpServletRequest request) {
    Form.of(DELETE_RECORDING, request);
    find(accountSid, sid, ".json", false).delete();
    return ResponseEntity.noContent().build();
  }

  @GetMapping({BASE, BASE + ".wav"})
  ResponseEntity<byte[]> wav(@PathVariable String accountSid, @PathVariable String sid) {
    SimRecording recording = find(accountSid, sid, ".wav", false);
    if (!"completed".equals(recording.status())) {
      throw TwilioApiException.notFound(path(accountSid, sid, ".wav"));
    }
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType("audio/x-wav"))
        .body(WavAudio.tone(recording.duration()));
  }

  /**
   * Twilio serves MP3; the simulator cannot encode it and says so. Twilio documents no code for
   * this, so the answer borrows the pattern of its generic codes (20404, 20429, 20500): 20415.
   */
  @GetMapping(BASE + ".mp3")
  ResponseEntity<String> mp3(@PathVariable String accountSid, @PathVariable String sid) {
    find(accountSid, sid, ".mp3", false);
    throw new TwilioApiException(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE.value(),
        20415,
        "The simulator serves recordings as WAV only; ask for .wav");
  }

  private SimRecording find(String accountSid, String sid, String extension, boolean deleted) {
    String path = path(accountSid, sid, extension);
    accounts.check(accountSid, path);
    return store
        .find(sid)
        .filter(r -> deleted || !"deleted".equals(r.status()))
        .orElseThrow(() -> TwilioApiException.notFound(path));
  }

  private static String path(String accountSid, String sid, String extension) {
    return "/2010-04-01/Accounts/" + accountSid + "/Recordings/" + sid + extension;
  }
}

package io.switchboard.simulator.recordings;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Control API: transcribe a recording with a given text, as Twilio's transcription would, and send
 * its transcribeCallback.
 */
@RestController
class TranscriptionControlController {

  /** The text, and the transcribeCallback URL (optional). */
  record TranscribeRequest(String text, String transcribeCallback) {}

  private final TranscriptionService service;

  TranscriptionControlController(TranscriptionService service) {
    this.service = service;
  }

  @PostMapping("/simulator/api/recordings/{recordingSid}/transcriptions")
  ResponseEntity<Map<String, String>> transcribe(
      @PathVariable String recordingSid, @RequestBody TranscribeRequest request) {
    return service
        .transcribe(recordingSid, request.text(), request.transcribeCallback())
        .map(sid -> ResponseEntity.status(HttpStatus.CREATED).body(Map.of("sid", sid)))
        .orElseGet(() -> ResponseEntity.notFound().build());
  }
}

package io.switchboard.simulator.calls;

import io.switchboard.simulator.voice.TranscriptEntry;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /simulator/api/calls/{sid}/transcript}: what an outbound call heard and did so far,
 * every TwiML request and verb (a redirected call's new TwiML included). Not a Twilio resource:
 * Twilio keeps no transcript; tests and people watching read it here.
 */
@RestController
class CallTranscriptController {

  private final CallStore store;

  CallTranscriptController(CallStore store) {
    this.store = store;
  }

  @GetMapping("/simulator/api/calls/{sid}/transcript")
  ResponseEntity<List<TranscriptEntry>> transcript(@PathVariable String sid) {
    return store
        .find(sid)
        .map(call -> ResponseEntity.ok(List.copyOf(call.transcript)))
        .orElseGet(() -> ResponseEntity.notFound().build());
  }
}

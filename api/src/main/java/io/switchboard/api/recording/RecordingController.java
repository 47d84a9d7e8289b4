package io.switchboard.api.recording;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.api.web.NotFoundException;
import io.switchboard.api.web.Problems;
import io.switchboard.recording.RecordingRepository;
import io.switchboard.recording.RecordingRow;
import io.switchboard.recording.media.MediaIntegrityException;
import jakarta.validation.Valid;
import java.security.Principal;
import java.time.Clock;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** Recordings: metadata and transcripts, the decrypted media (audited), erasure, consent. */
@RestController
@RequestMapping(path = "/api/recordings")
@Tag(name = "Recordings")
public class RecordingController {

  private final RecordingRepository recordings;
  private final RecordingMedia media;
  private final Clock clock;

  public RecordingController(RecordingRepository recordings, RecordingMedia media, Clock clock) {
    this.recordings = recordings;
    this.media = media;
    this.clock = clock;
  }

  @GetMapping(path = "/{callSid}", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      operationId = "getCallRecordings",
      summary = "A call's recordings with their transcripts (scope recordings:read)")
  CallRecordingsView byCall(@PathVariable String callSid) {
    List<RecordingRow> rows = recordings.findByCall(callSid);
    if (rows.isEmpty()) {
      throw new NotFoundException("No recording of call " + callSid + " is stored.");
    }
    return new CallRecordingsView(
        callSid,
        rows.stream().map(row -> RecordingView.of(row, recordings.transcripts(row.id()))).toList());
  }

  @GetMapping(path = "/{id}/media", produces = "audio/wav")
  @Operation(
      operationId = "getRecordingMedia",
      summary =
          "A recording's audio, decrypted and streamed; every access is audited"
              + " (scope recordings:read)")
  ResponseEntity<StreamingResponseBody> media(@PathVariable String id, Principal principal) {
    RecordingRow row = stored(id);
    // The whole file is authenticated before the first byte goes out, so that tampering is a
    // clear error rather than a truncated download.
    media.verify(row);
    recordings.audit(id, "media", principal.getName(), clock.instant());
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(row.contentType()))
        .contentLength(row.sizeBytes())
        .body(out -> media.stream(row, out));
  }

  @DeleteMapping("/{id}")
  @Operation(
      operationId = "eraseRecording",
      summary =
          "Erases a recording's media and transcripts here and at Twilio (scope recordings:write)")
  ResponseEntity<Void> erase(@PathVariable String id, Principal principal) {
    RecordingRow row =
        recordings
            .find(id)
            .orElseThrow(() -> new NotFoundException("No recording " + id + " is stored."));
    media.erase(row);
    recordings.audit(id, "erase", principal.getName(), clock.instant());
    return ResponseEntity.noContent().build();
  }

  @PutMapping(path = "/consents/{callSid}", consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      operationId = "setRecordingConsent",
      summary =
          "Records whether the caller consented to recording; without it recordings of the call"
              + " are deleted at Twilio and never stored (scope recordings:write)")
  ResponseEntity<Void> consent(
      @PathVariable String callSid, @Valid @RequestBody ConsentRequest request) {
    recordings.setConsent(callSid, request.granted(), "api", clock.instant());
    return ResponseEntity.noContent().build();
  }

  /**
   * A sealed transcript that fails authentication (altered at rest, or its master key is gone): the
   * answer names what failed instead of a bare server error, and no text of it is served.
   */
  @ExceptionHandler(MediaIntegrityException.class)
  ProblemDetail transcriptIntegrity(MediaIntegrityException e) {
    return Problems.of(
        HttpStatus.INTERNAL_SERVER_ERROR,
        "recording-integrity",
        "Recording failed integrity check",
        "A transcript failed authentication (" + e.getMessage() + "); nothing of it was served.");
  }

  @ExceptionHandler(RecordingMediaException.class)
  ProblemDetail integrity(RecordingMediaException e) {
    return Problems.of(
        HttpStatus.INTERNAL_SERVER_ERROR,
        "recording-integrity",
        "Recording failed integrity check",
        e.getMessage());
  }

  private RecordingRow stored(String id) {
    return recordings
        .find(id)
        .filter(RecordingRow::stored)
        .orElseThrow(() -> new NotFoundException("No recording " + id + " is stored."));
  }
}

package io.switchboard.api.ops;

import io.swagger.v3.oas.annotations.Operation;
import io.switchboard.api.web.Problems;
import io.switchboard.recording.RecordingKeyRotation;
import io.switchboard.recording.media.MediaIntegrityException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Master-key rotation for recordings (scope {@code ops}); see docs/runbook.md. */
@RestController
@Validated
@RequestMapping("/api/ops/recordings")
class RecordingKeysController {

  private final RecordingKeyRotation rotation;

  RecordingKeysController(RecordingKeyRotation rotation) {
    this.rotation = rotation;
  }

  @Operation(
      summary = "Re-wrap recording data keys under the current master key (scope ops)",
      description =
          "Moves up to `limit` recordings, transcripts and inbound message media still under an"
              + " older master key to the"
              + " current one (media is not re-encrypted). Idempotent and resumable: call again"
              + " until `remaining` is 0, then the old key can be removed. With dryRun, only"
              + " counts.")
  @PostMapping("/rewrap")
  RecordingKeyRotation.Result rewrap(
      @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit,
      @RequestParam(defaultValue = "false") boolean dryRun)
      throws IOException {
    return rotation.run(limit, dryRun);
  }

  /**
   * A recording that fails authentication (altered, or its old key is missing) stops the run before
   * anything of it is replaced; the items before it are done, and the message names it.
   */
  @ExceptionHandler(MediaIntegrityException.class)
  ProblemDetail integrity(MediaIntegrityException e) {
    return Problems.of(
        HttpStatus.CONFLICT, "recording-integrity", "Recording integrity", e.getMessage());
  }
}

package io.switchboard.api.recording;

import io.switchboard.recording.RecordingRow;
import io.switchboard.recording.TranscriptRow;
import java.time.Instant;
import java.util.List;

/**
 * A recording's metadata and transcripts, as the API shows them.
 *
 * @param id the recording's id (Twilio's RecordingSid); its media is at {@code
 *     /api/recordings/{id}/media}
 * @param callSid the call
 * @param status {@code stored} or {@code erased}
 * @param durationSeconds as Twilio reported it
 * @param sizeBytes plaintext size
 * @param sha256 plaintext digest
 * @param contentType of the media
 * @param keyId the master key that wraps its data key
 * @param transcriptStatus {@code pending}, {@code twilio}, {@code fallback}, {@code untranscribed}
 *     or {@code erased}
 * @param twilioDeletedAt when Twilio's copy was deleted
 * @param createdAt when our copy was stored
 * @param erasedAt when it was erased on request
 * @param transcripts its transcripts
 */
public record RecordingView(
    String id,
    String callSid,
    String status,
    Integer durationSeconds,
    Long sizeBytes,
    String sha256,
    String contentType,
    String keyId,
    String transcriptStatus,
    Instant twilioDeletedAt,
    Instant createdAt,
    Instant erasedAt,
    List<Transcript> transcripts) {

  /**
   * @param source {@code twilio} or {@code fallback}
   * @param transcriptionSid Twilio's, when it came from Twilio
   * @param text the transcript
   * @param createdAt when it was stored
   */
  public record Transcript(
      String source, String transcriptionSid, String text, Instant createdAt) {}

  static RecordingView of(RecordingRow row, List<TranscriptRow> transcripts) {
    return new RecordingView(
        row.id(),
        row.callSid(),
        row.status(),
        row.durationSeconds(),
        row.sizeBytes(),
        row.sha256(),
        row.contentType(),
        row.keyId(),
        row.transcriptStatus(),
        row.twilioDeletedAt(),
        row.createdAt(),
        row.erasedAt(),
        transcripts.stream()
            .map(t -> new Transcript(t.source(), t.transcriptionSid(), t.text(), t.createdAt()))
            .toList());
  }
}

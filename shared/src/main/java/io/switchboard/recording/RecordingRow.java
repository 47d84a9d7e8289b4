package io.switchboard.recording;

import java.time.Instant;

/**
 * A row of {@code recordings}: metadata of our encrypted copy.
 *
 * @param id Twilio's RecordingSid
 * @param callSid the call
 * @param status {@code stored} or {@code erased}
 * @param durationSeconds as Twilio reported it
 * @param sizeBytes plaintext size
 * @param sha256 plaintext digest, hex
 * @param storageRef the object in the recording store
 * @param keyId the master key that wraps its data key
 * @param contentType of the plaintext
 * @param transcriptStatus {@code pending}, {@code twilio}, {@code fallback} or {@code
 *     untranscribed}
 * @param twilioDeletedAt when Twilio's copy was deleted
 * @param createdAt when it was stored
 * @param erasedAt when it was erased on request
 */
public record RecordingRow(
    String id,
    String callSid,
    String status,
    Integer durationSeconds,
    Long sizeBytes,
    String sha256,
    String storageRef,
    String keyId,
    String contentType,
    String transcriptStatus,
    Instant twilioDeletedAt,
    Instant createdAt,
    Instant erasedAt) {

  public boolean stored() {
    return "stored".equals(status);
  }
}

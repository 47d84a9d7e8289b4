package io.switchboard.recording;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * Side effects of a recording's pipeline. Every method is idempotent: Temporal may run it again.
 * Arguments and results are references (SIDs, ids, digests), never media or transcript text, so
 * that neither enters a workflow history.
 */
@ActivityInterface
public interface RecordingActivities {

  /** Whether the call's recording consent is on record. */
  @ActivityMethod
  boolean hasConsent(ConsentQuery query);

  /**
   * Streams the media from Twilio (its media host or the simulator only), encrypts it under a new
   * data key, stores it and reads it back to verify. A retry finds the stored copy of the same
   * RecordingSid and returns it without downloading again.
   */
  @ActivityMethod
  StoredRecording store(StoreRequest request);

  /** Fetches Twilio's transcription and stores it as the recording's transcript. */
  @ActivityMethod
  void saveTwilioTranscript(TranscriptRequest request);

  /**
   * The configured fallback when Twilio's transcription does not come: the pluggable transcriber,
   * or the recording marked untranscribed.
   */
  @ActivityMethod
  TranscriptOutcome transcribeFallback(FallbackRequest request);

  /** Deletes Twilio's copy; a copy already gone counts as deleted. */
  @ActivityMethod
  void deleteAtTwilio(DeleteRequest request);

  /** Posts the signed "recording ready" event to the configured URL, once per request id. */
  @ActivityMethod
  void emitReady(ReadyEvent event);

  /**
   * @param callSid the call whose consent is asked about
   */
  record ConsentQuery(String callSid) {}

  /**
   * The RecordingSid is the idempotency key of the store: one recording, one stored copy.
   *
   * @param recordingSid the recording
   * @param callSid its call
   * @param mediaUrl Twilio's RecordingUrl
   * @param durationSeconds its length, if known
   */
  record StoreRequest(
      String recordingSid, String callSid, String mediaUrl, Integer durationSeconds) {}

  /**
   * @param recordingId our id of the stored recording
   * @param keyId the master key that wraps its data key
   * @param sizeBytes plaintext size
   * @param sha256 plaintext digest, hex
   */
  record StoredRecording(String recordingId, String keyId, long sizeBytes, String sha256) {}

  /**
   * @param recordingId the stored recording
   * @param transcriptionSid Twilio's transcription
   */
  record TranscriptRequest(String recordingId, String transcriptionSid) {}

  /**
   * @param recordingId the stored recording
   * @param reason why the fallback is taken ({@code timeout}, {@code failed})
   */
  record FallbackRequest(String recordingId, String reason) {}

  /**
   * @param recordingSid the recording at Twilio
   * @param reason why ({@code retention}, {@code no-consent})
   */
  record DeleteRequest(String recordingSid, String reason) {}

  /**
   * @param recordingId our id
   * @param recordingSid Twilio's
   * @param callSid the call
   * @param transcript where the transcript came from
   * @param requestId made once by the workflow; the receiver's idempotency key
   */
  record ReadyEvent(
      String recordingId,
      String recordingSid,
      String callSid,
      TranscriptOutcome transcript,
      String requestId) {}
}

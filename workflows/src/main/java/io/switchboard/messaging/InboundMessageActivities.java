package io.switchboard.messaging;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * Side effects of an inbound message. Each is idempotent: Temporal may run it again. Arguments and
 * results are references and states, never media bytes. Named with the {@code Inbound} prefix,
 * because they share the messaging task queue with the delivery activities.
 */
@ActivityInterface(namePrefix = "Inbound")
public interface InboundMessageActivities {

  /**
   * Streams one medium from Twilio (its media hosts, or the simulator, only) through the cipher
   * into the store and reads it back to verify it. A URL anywhere else is refused without any
   * request and recorded as refused; that is an answer, not a failure. A retry finds a copy already
   * stored and returns it.
   */
  @ActivityMethod
  StoredMedia storeMedia(MediaRequest request);

  /** Records that a medium could not be stored within the retry policy. */
  @ActivityMethod
  void markMediaFailed(MediaFailure failure);

  /** Deletes Twilio's copy of a stored medium; one already gone counts as deleted. */
  @ActivityMethod
  void deleteMediaAtTwilio(MediaRequest request);

  /**
   * Posts the signed message to the configured integration endpoint; a refusal is a failure for
   * Temporal to retry. Answers {@code NOT_CONFIGURED} at once when there is no endpoint.
   */
  @ActivityMethod
  InboundMessageOutcome.Forwarding forward(ForwardRequest request);

  /**
   * @param messageSid the message
   * @param media the medium
   */
  record MediaRequest(String messageSid, InboundMedia media) {}

  /**
   * @param index the medium's position
   * @param state stored or refused
   * @param sizeBytes plaintext size when stored
   * @param sha256 plaintext digest, hex, when stored
   */
  record StoredMedia(int index, InboundMediaState state, long sizeBytes, String sha256) {}

  /**
   * @param messageSid the message
   * @param index the medium's position
   * @param reason what failed, for operators (no personal data)
   */
  record MediaFailure(String messageSid, int index, String reason) {}

  /**
   * @param messageSid the message, read from PostgreSQL by the activity
   * @param idempotencyKey the receiver's deduplication key, the same on every attempt
   */
  record ForwardRequest(String messageSid, String idempotencyKey) {}
}

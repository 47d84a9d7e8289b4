package io.switchboard.messaging;

import java.time.Instant;

/**
 * One medium of an inbound message.
 *
 * @param messageId the message (its MessageSid)
 * @param index its position N in the webhook
 * @param sourceUrl {@code MediaUrlN} as Twilio sent it
 * @param contentType {@code MediaContentTypeN}
 * @param state {@code pending}, {@code stored}, {@code refused} or {@code failed}
 * @param reason why it was refused or failed
 * @param sizeBytes plaintext size, once stored
 * @param sha256 plaintext digest, hex, once stored
 * @param storageRef where the sealed copy is in the store
 * @param keyId the master key that wraps its data key
 * @param twilioDeletedAt when Twilio's copy was deleted
 * @param createdAt when the webhook named it
 * @param updatedAt when the row last changed
 */
public record MessageMediaRow(
    String messageId,
    int index,
    String sourceUrl,
    String contentType,
    String state,
    String reason,
    Long sizeBytes,
    String sha256,
    String storageRef,
    String keyId,
    Instant twilioDeletedAt,
    Instant createdAt,
    Instant updatedAt) {

  public boolean stored() {
    return "stored".equals(state);
  }

  /**
   * The sealed copy's associated data: media opens only as the medium it was stored as, so a copy
   * moved to another message's name fails authentication.
   */
  public static String context(String messageId, int index) {
    return messageId + "/media/" + index;
  }

  /** The store reference of a medium's sealed copy. */
  public static String ref(String messageId, int index) {
    return messageId + "-" + index + ".sbm";
  }
}

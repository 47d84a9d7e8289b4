package io.switchboard.messaging;

import java.util.List;

/**
 * An inbound message to store and forward. The text and the numbers stay in PostgreSQL (the api
 * stored them); only the SID and media references go through the history.
 *
 * @param messageSid Twilio's MessageSid; the message's id in {@code messages}
 * @param media its media, in webhook order
 * @param deleteMediaAtTwilio whether to delete Twilio's copy of each medium once ours is stored
 */
public record InboundMessageInput(
    String messageSid, List<InboundMedia> media, boolean deleteMediaAtTwilio) {

  public InboundMessageInput {
    media = media == null ? List.of() : List.copyOf(media);
  }
}

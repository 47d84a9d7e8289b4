package io.switchboard.messaging;

/**
 * What became of an inbound message.
 *
 * @param stored media stored encrypted
 * @param refused media not on Twilio's media hosts, never fetched
 * @param failed media that could not be fetched or verified within the retry policy
 * @param forwarding whether the integration endpoint took it, or none is configured
 */
public record InboundMessageOutcome(int stored, int refused, int failed, Forwarding forwarding) {

  /** The forwarding to the integration endpoint. */
  public enum Forwarding {
    DELIVERED,
    NOT_CONFIGURED
  }
}

package io.switchboard.api.messaging;

/**
 * What to answer an inbound message with, as the TwiML {@code <Message>} of the webhook response.
 *
 * @param text the reply, or null for none (answer an empty {@code <Response/>})
 */
public record InboundReply(String text) {

  public static InboundReply none() {
    return new InboundReply(null);
  }

  public boolean hasText() {
    return text != null && !text.isEmpty();
  }
}

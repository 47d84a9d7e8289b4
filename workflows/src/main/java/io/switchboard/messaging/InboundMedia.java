package io.switchboard.messaging;

/**
 * One medium of an inbound message as the webhook names it: a reference, never its bytes.
 *
 * @param index its position N in the webhook ({@code MediaUrlN})
 * @param url {@code MediaUrlN}: where Twilio keeps it
 * @param contentType {@code MediaContentTypeN}
 */
public record InboundMedia(int index, String url, String contentType) {}

package io.switchboard.simulator.voice;

/**
 * A call that has been answered and whose TwiML is to be run, as Twilio knows it.
 *
 * @param callSid the call's SID
 * @param accountSid the account it belongs to
 * @param from the caller
 * @param to the called number
 * @param direction {@code inbound} or {@code outbound-api}
 * @param url where to fetch the first TwiML from (null when {@code twiml} is given)
 * @param method GET or POST for {@code url}
 * @param twiml inline TwiML given at call creation instead of a URL, else null
 * @param fallbackUrl where Twilio goes when {@code url} fails or answers invalid TwiML, else null
 * @param fallbackMethod GET or POST for {@code fallbackUrl}
 * @param answeredBy the AnsweredBy value when machine detection was asked for, else null
 */
public record CallContext(
    String callSid,
    String accountSid,
    String from,
    String to,
    String direction,
    String url,
    String method,
    String twiml,
    String fallbackUrl,
    String fallbackMethod,
    String answeredBy) {}

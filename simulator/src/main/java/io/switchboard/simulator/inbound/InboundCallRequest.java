package io.switchboard.simulator.inbound;

import java.util.List;

/**
 * A call to place from a handset to one of our numbers.
 *
 * @param from the caller, E.164
 * @param to one of our numbers
 * @param url the voice URL to use instead of the number's configured one, else null
 * @param method its method, else the number's (POST)
 * @param fallbackUrl the voice fallback URL, else the number's, else none
 * @param inputs what the caller does, one entry per Gather (see {@code CallerScript})
 * @param hangupAfterTurns hang up after this many TwiML documents; 0 for never
 * @param timeoutSeconds how long to wait for the call to end; 0 for the configured default
 */
public record InboundCallRequest(
    String from,
    String to,
    String url,
    String method,
    String fallbackUrl,
    List<String> inputs,
    Integer hangupAfterTurns,
    Integer timeoutSeconds) {

  public InboundCallRequest {
    inputs = inputs == null ? List.of() : List.copyOf(inputs);
    hangupAfterTurns = hangupAfterTurns == null ? 0 : hangupAfterTurns;
    timeoutSeconds = timeoutSeconds == null ? 0 : timeoutSeconds;
  }
}

package io.switchboard.api.security;

import java.util.Map;

/**
 * A webhook whose Twilio signature has been verified. Controllers read its parameters from here
 * rather than from the servlet request, whose body the signature filter has already consumed.
 *
 * @param url the URL the signature was checked against
 * @param parameters the form parameters of the body, in the order Twilio sent them
 * @param query the query parameters of the URL (also covered by the signature)
 * @param idempotencyToken {@code I-Twilio-Idempotency-Token}, when Twilio sent one
 * @param headers the request headers worth keeping with the event
 */
public record TwilioWebhook(
    String url,
    Map<String, String> parameters,
    Map<String, String> query,
    String idempotencyToken,
    Map<String, String> headers) {

  public static final String ATTRIBUTE = "switchboard.twilioWebhook";

  public String param(String name) {
    return parameters.get(name);
  }

  public String queryParam(String name) {
    return query.get(name);
  }
}

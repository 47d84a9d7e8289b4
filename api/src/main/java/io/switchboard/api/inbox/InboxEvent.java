package io.switchboard.api.inbox;

import java.time.Instant;
import java.util.Map;

/**
 * One webhook as the inbox holds it.
 *
 * @param id the inbox id
 * @param receivedAt when it was committed
 * @param kind which webhook
 * @param path the request path
 * @param dedupeKey what identifies a redelivery of the same webhook
 * @param accountSid the Twilio account
 * @param callSid the call, if any
 * @param messageSid the message, if any
 * @param recordingSid the recording, if any
 * @param workflowId the workflow it goes to
 * @param params the form parameters as Twilio sent them
 * @param headers the request headers that matter (idempotency token, signature, user agent)
 * @param state where it is on its way to its workflow
 * @param attempts how many dispatch attempts failed
 * @param nextAttemptAt when the relay may try again
 * @param dispatchedAt when it reached its workflow
 * @param lastError why the last attempt failed
 * @param responseStatus the HTTP status we answered
 * @param responseType the content type we answered
 * @param responseBody what we answered (TwiML for voice)
 */
public record InboxEvent(
    long id,
    Instant receivedAt,
    WebhookKind kind,
    String path,
    String dedupeKey,
    String accountSid,
    String callSid,
    String messageSid,
    String recordingSid,
    String workflowId,
    Map<String, String> params,
    Map<String, String> headers,
    DispatchState state,
    int attempts,
    Instant nextAttemptAt,
    Instant dispatchedAt,
    String lastError,
    Integer responseStatus,
    String responseType,
    String responseBody) {

  public String param(String name) {
    return params.get(name);
  }
}

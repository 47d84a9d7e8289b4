package io.switchboard.api.inbox;

import java.util.Map;

/**
 * A webhook about to be committed to the inbox.
 *
 * @param kind which webhook
 * @param path the request path
 * @param dedupeKey what identifies a redelivery of the same webhook
 * @param workflowId the workflow it goes to, when it goes to one
 * @param params the form parameters
 * @param headers the headers worth keeping
 * @param state the state it starts in
 */
public record NewWebhookEvent(
    WebhookKind kind,
    String path,
    String dedupeKey,
    String workflowId,
    Map<String, String> params,
    Map<String, String> headers,
    DispatchState state) {}

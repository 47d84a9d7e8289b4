package io.switchboard.api.messaging;

import java.util.List;

/**
 * A bulk send that passed validation: every recipient's number is valid and the template renders
 * for each.
 *
 * @param id the idempotency key
 * @param template the template, copied into the bulk send
 * @param channel {@code sms} or {@code whatsapp}
 * @param from our sender, with the channel's prefix
 * @param contentSid the approved WhatsApp template, if the channel is WhatsApp and it has one
 * @param statusCheckSeconds how long each message waits for a final status callback
 * @param quietStart the quiet window's start when quiet hours apply, else null
 * @param quietEnd its end
 * @param recipients in order; their sequence numbers are their indexes
 * @param requestHash SHA-256 of the request, to recognise it again
 */
record ValidatedBulk(
    String id,
    TemplateView template,
    String channel,
    String from,
    String contentSid,
    long statusCheckSeconds,
    String quietStart,
    String quietEnd,
    List<Recipient> recipients,
    String requestHash) {

  /**
   * @param to the address, with the channel's prefix
   * @param variablesJson the variables as a JSON object
   * @param zone the recipient's time zone when quiet hours apply, else null
   */
  record Recipient(String to, String variablesJson, String zone) {}
}

package io.switchboard.api.messaging;

import io.switchboard.messaging.MessageRequest;
import io.switchboard.messaging.SmsSegments;

/**
 * A send request that passed validation.
 *
 * @param request the workflow's input
 * @param segments its SMS segments and encoding; null for WhatsApp, which is not segmented
 * @param requestHash SHA-256 of what the client asked for, to recognise the same request again
 */
record ValidatedMessage(MessageRequest request, SmsSegments segments, String requestHash) {}

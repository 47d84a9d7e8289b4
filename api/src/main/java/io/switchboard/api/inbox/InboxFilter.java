package io.switchboard.api.inbox;

import java.time.Instant;

/**
 * Which inbox events an operator means.
 *
 * @param kind only this kind, when given
 * @param state only events in this state, when given
 * @param sid only events about this CallSid, MessageSid or RecordingSid, when given
 * @param from received at or after, when given
 * @param to received before, when given
 */
public record InboxFilter(
    WebhookKind kind,
    DispatchState state,
    @jakarta.validation.constraints.Pattern(regexp = "[A-Za-z0-9]{1,64}") String sid,
    Instant from,
    Instant to) {}

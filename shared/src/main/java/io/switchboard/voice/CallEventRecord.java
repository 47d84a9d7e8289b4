package io.switchboard.voice;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One status a call went through, or an event beside its statuses (a transfer into a flow, a queued
 * callback's progress), with its detail.
 */
@Table("call_events")
public record CallEventRecord(
    @Id Long id, String callSid, String status, Instant occurredAt, String detail) {}

package io.switchboard.api.messaging;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How bulk sends run. The rate is not here: it is each sender's throughput, enforced by the shared
 * rate gate every message waits at.
 *
 * @param window messages in flight at once (started, not yet ended)
 * @param pageSize recipients read from PostgreSQL at a time
 * @param perRun messages one workflow run starts before it continues as new
 * @param maxRecipients the most recipients one request may have
 */
@Validated
@ConfigurationProperties("switchboard.messaging.bulk")
public record BulkProperties(
    @DefaultValue("50") int window,
    @DefaultValue("200") int pageSize,
    @DefaultValue("500") int perRun,
    @DefaultValue("100000") int maxRecipients) {}

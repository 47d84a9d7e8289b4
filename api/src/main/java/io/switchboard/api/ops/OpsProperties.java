package io.switchboard.api.ops;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Operator-facing settings.
 *
 * @param temporalUiOrigin {@code SWITCHBOARD_TEMPORAL_UI_ORIGIN}: the one browser origin (scheme,
 *     host, port) allowed to call the codec endpoint, the Temporal UI's; the embedded dev server's
 *     UI when unset. Without one, no browser may call it.
 */
@ConfigurationProperties("switchboard.ops")
public record OpsProperties(String temporalUiOrigin) {}

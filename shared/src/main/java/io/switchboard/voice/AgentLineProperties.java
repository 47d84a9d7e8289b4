package io.switchboard.voice;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How callers waiting for an agent are kept in line.
 *
 * @param liveness a caller whose session asked for an agent within this long is in line, and a free
 *     agent who could serve them waits for them rather than go to someone behind them. A caller on
 *     hold asks on every wait turn (each loop of the hold music; about 15 s with the default
 *     pause), a queued callback every 10 s: longer hold music than this lets later callers past
 *     between loops. Too long and a caller who is gone holds a free agent back for that long.
 * @param forgetAfter callers who stopped asking this long ago are deleted from the line
 */
@ConfigurationProperties("switchboard.agents.line")
@Validated
public record AgentLineProperties(
    @DefaultValue("PT45S") Duration liveness, @DefaultValue("PT24H") Duration forgetAfter) {}

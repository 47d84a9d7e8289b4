package io.switchboard.simulator;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How fast simulated messages and calls move through their lifecycles. Twilio takes seconds; the
 * defaults are short enough for a person watching and tests set them to zero.
 *
 * @param messageStep between two message statuses (queued, sending, sent, delivered)
 * @param callRing from initiated to ringing
 * @param callAnswer from ringing to answered
 * @param callDuration how long an answered call lasts when no TwiML executor runs it
 * @param recordingProcessing from a stopped recording to a completed one
 * @param threads threads that run lifecycles and send callbacks
 * @param roomTimeoutMinute how long one minute of a room's EmptyRoomTimeout and UnusedRoomTimeout
 *     lasts (Twilio counts them in minutes; tests shorten the minute)
 */
@ConfigurationProperties("switchboard.simulator.lifecycle")
public record LifecycleProperties(
    @DefaultValue("300ms") Duration messageStep,
    @DefaultValue("500ms") Duration callRing,
    @DefaultValue("1s") Duration callAnswer,
    @DefaultValue("3s") Duration callDuration,
    @DefaultValue("200ms") Duration recordingProcessing,
    @DefaultValue("8") int threads,
    @DefaultValue("60s") Duration roomTimeoutMinute) {}

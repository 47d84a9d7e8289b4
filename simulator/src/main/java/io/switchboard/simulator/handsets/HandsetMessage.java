package io.switchboard.simulator.handsets;

import java.time.Instant;
import java.util.List;

/**
 * A message that reached a simulated handset.
 *
 * @param messageSid the Message resource
 * @param from who sent it
 * @param body its text
 * @param mediaUrls its media, if any
 * @param receivedAt when it was delivered
 */
public record HandsetMessage(
    String messageSid, String from, String body, List<String> mediaUrls, Instant receivedAt) {}

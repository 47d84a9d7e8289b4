package io.switchboard.simulator;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The account the simulator plays. Inside the platform these are Switchboard's own Twilio
 * credentials ({@code switchboard.twilio.*}), so that the api and the simulator agree on
 * signatures; standalone, set them or let the simulator make a pair up.
 *
 * @param accountSid the AccountSid that REST callers must authenticate as
 * @param authToken the auth token for basic auth and for signing callbacks
 */
@ConfigurationProperties("switchboard.twilio")
public record SimulatorProperties(String accountSid, String authToken) {}

package io.switchboard.simulator.callbacks;

import java.util.Map;
import java.util.Set;

/**
 * A webhook Twilio would send about a resource.
 *
 * @param resourceSid the message, call or recording it is about
 * @param numbers the phone numbers involved, for per-number faults
 * @param url the application's callback URL, exactly as it was given
 * @param method GET or POST
 * @param parameters Twilio's callback parameters
 * @param status the resource's status this callback reports
 * @param last whether no further callback about the resource follows
 */
public record Callback(
    String resourceSid,
    Set<String> numbers,
    String url,
    String method,
    Map<String, String> parameters,
    String status,
    boolean last) {}

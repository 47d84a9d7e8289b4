package io.switchboard.simulator.voice;

import java.time.Instant;
import java.util.Map;

/**
 * One step of a call: a request the simulator sent to the application with what it answered, or a
 * verb it carried out.
 *
 * @param at when it happened
 * @param kind {@code request} for an HTTP request to the application, else the verb in lower case
 *     ({@code say}, {@code gather}, …) or {@code error}
 * @param method HTTP method, for requests
 * @param url the URL requested, for requests
 * @param parameters the parameters sent, for requests
 * @param httpStatus the application's HTTP status, for requests; 0 otherwise
 * @param body the TwiML answered, for requests
 * @param elapsedMillis how long the application took, for requests
 * @param description a readable account of the step (what was said, which digits, …)
 */
public record TranscriptEntry(
    Instant at,
    String kind,
    String method,
    String url,
    Map<String, String> parameters,
    int httpStatus,
    String body,
    long elapsedMillis,
    String description) {}

package io.switchboard.simulator.calls;

import java.util.Set;

/** What a Calls create request asked for, once validated. */
record CallRequest(
    String sid,
    String from,
    String to,
    String url,
    String method,
    String twiml,
    String fallbackUrl,
    String fallbackMethod,
    String statusCallback,
    String statusCallbackMethod,
    Set<String> events,
    String machineDetection,
    int timeoutSeconds,
    boolean record,
    String recordingStatusCallback,
    String recordingStatusCallbackMethod,
    Set<String> recordingEvents) {}

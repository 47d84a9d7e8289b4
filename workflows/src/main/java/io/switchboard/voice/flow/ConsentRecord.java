package io.switchboard.voice.flow;

/**
 * The caller's answer to the recording-consent question.
 *
 * @param callSid the call
 * @param granted whether the caller agreed
 */
public record ConsentRecord(String callSid, boolean granted) {}

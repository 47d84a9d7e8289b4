package io.switchboard.voice.control;

/**
 * What Twilio answered to a call command.
 *
 * @param callSid the call
 * @param callStatus the call's status after the command, when the command concerned the call
 * @param recordingSid the recording, when the command concerned one
 * @param recordingStatus its status after the command
 * @param errorCode Twilio's error code when it refused, else null
 * @param errorMessage why it refused
 */
public record CallCommandResult(
    String callSid,
    String callStatus,
    String recordingSid,
    String recordingStatus,
    Integer errorCode,
    String errorMessage) {}

package io.switchboard.api.voice.control;

import io.switchboard.voice.control.CallCommandResult;

/** Twilio refused a command on a call (it ended, or the recording is not in progress). */
class CallCommandRefusedException extends RuntimeException {
  final transient CallCommandResult result;

  CallCommandRefusedException(CallCommandResult result) {
    super(result.errorMessage());
    this.result = result;
  }
}

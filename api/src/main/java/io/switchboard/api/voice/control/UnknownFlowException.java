package io.switchboard.api.voice.control;

/** A transfer to a flow that is not published (a 422). */
class UnknownFlowException extends RuntimeException {
  final String name;

  UnknownFlowException(String name) {
    super("no flow " + name);
    this.name = name;
  }
}

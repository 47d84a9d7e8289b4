package io.switchboard.api.messaging;

/** A template, or a use of one, that cannot be accepted; the message says why. */
class InvalidTemplateException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  InvalidTemplateException(String message) {
    super(message);
  }
}

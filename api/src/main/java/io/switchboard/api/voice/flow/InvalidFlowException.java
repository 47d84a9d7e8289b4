package io.switchboard.api.voice.flow;

import java.util.List;

/** A flow that cannot be published, with every problem found. */
public class InvalidFlowException extends RuntimeException {

  private final List<String> errors;

  public InvalidFlowException(List<String> errors) {
    super(String.join("; ", errors));
    this.errors = List.copyOf(errors);
  }

  public List<String> errors() {
    return errors;
  }
}

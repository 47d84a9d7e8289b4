package io.switchboard.api.web;

/** A resource the caller asked for does not exist. */
public class NotFoundException extends RuntimeException {

  public NotFoundException(String detail) {
    super(detail);
  }
}
